// Type-aware lint over every TypeScript project (tsconfig.node/web/tests), so a rule that
// needs types (floating promises, unsafe any) sees the same program tsc checks.
import js from '@eslint/js';
import i18next from 'eslint-plugin-i18next';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'release/', 'node_modules/', 'test-results/', 'tests/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits must say so with `void`: a save or an export lost silently is the bug we hunt.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  // The globals of each runtime (ARCHITECTURE.md, "Where code runs"). typescript-eslint turns
  // no-undef off in TypeScript, where tsc's `lib` and `types` decide; these matter for the
  // plain JavaScript (cli/bin.mjs, scripts/*.mjs, this file), which only Node runs.
  { files: ['**/*.mjs', '**/*.js', 'cli/**', 'electron/main/**', 'node/**', 'scripts/**', 'tests/**'], languageOptions: { globals: globals.node } },
  { files: ['renderer/**', 'tests/bench/pages/**'], ignores: ['renderer/vite.config.ts'], languageOptions: { globals: globals.browser } },
  {
    // Every string the interface shows comes from renderer/i18n (Arabic and English): a
    // literal in JSX is a string one language lacks. Attributes that name things for people
    // are checked too; class names, test ids, keys and input types are not words.
    files: [
      'renderer/app/App.tsx',
      'renderer/app/SaveStatus.tsx',
      'renderer/app/NoticeBar.tsx',
      'renderer/app/InterfaceSwitch.tsx',
      'renderer/app/DocumentView.tsx',
      'renderer/app/SpanPanel.tsx',
      'renderer/app/SuggestionBar.tsx',
      'renderer/app/RecommenderPanel.tsx',
      'renderer/app/ReviewPanel.tsx',
      'renderer/app/ReviewStartDialog.tsx',
      'renderer/app/AgreementDashboard.tsx',
      'renderer/app/KeysOverlay.tsx',
      'renderer/app/SearchBar.tsx',
      'renderer/app/OccurrencesDialog.tsx',
      'renderer/app/TargetsBox.tsx',
      'renderer/app/LabelBar.tsx',
      'renderer/app/LibraryView.tsx',
      'renderer/app/LibrarySearch.tsx',
      'renderer/app/ExportDialog.tsx',
      'renderer/app/ExportProgress.tsx',
      'renderer/app/BackupsDialog.tsx',
      'renderer/app/LabelsDialog.tsx',
      'renderer/app/LabelName.tsx',
      'renderer/app/PasteDialog.tsx',
      'renderer/app/AnnotatorDialog.tsx',
      'renderer/app/ProblemList.tsx',
      'renderer/app/ModelDialog.tsx',
      'renderer/app/StatusBadge.tsx',
      'renderer/app/DocumentMetaLine.tsx',
      'renderer/app/ClaimsView.tsx',
      'renderer/app/EntitiesView.tsx',
      'renderer/app/EntityPage.tsx',
      'renderer/app/EntityBox.tsx',
      'renderer/app/ImportDialog.tsx',
      'renderer/app/DetailsDialog.tsx',
      'renderer/app/SpanList.tsx',
      'renderer/app/ViewMenu.tsx',
    ],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': [
        'error',
        {
          mode: 'jsx-only',
          'jsx-attributes': { include: ['aria-label', 'title', 'placeholder', 'alt', 'aria-description'] },
          // Not words of either language: the product's name, keys (Ctrl+O), symbols and numbers.
          words: { exclude: ['[0-9!-/:-@[-`{-~«»…—–·×→←↑↓✕✎\\s]+', '[A-Z_-]+', 'حاشية', '(?:(?:Ctrl|Shift|Alt|Cmd)\\+)+\\S+'] },
        },
      ],
    },
  },
  {
    files: ['tests/**'],
    rules: {
      // Test doubles implement promise-returning interfaces (the preload's API, the File System
      // Access handles, Dexie tables); `async () => value` is the plain way to write one, and a
      // double that throws must reject, not throw, as the real one does.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // Tests that read what the product wrote (JSON lines, reports) as plain JSON, asserted by
    // value; most go through typed readers (tests/support/jsonlLine.ts), these not yet. Typing
    // them is tracked, not waived for new tests.
    files: [
      'tests/cli/agree.test.ts',
      'tests/cli/cli.test.ts',
      'tests/e2e/formats.test.ts',
      'tests/e2e/labels.test.ts',
      'tests/renderer/actions/actions.test.ts',
      'tests/renderer/store/documentSlice.test.ts',
      'tests/renderer/store/exchangeSlice.test.ts',
      'tests/renderer/store/workingDay.test.ts',
      'tests/shared/formats/corpora.test.ts',
      'tests/shared/import/planImport.test.ts',
      'tests/shared/review/settle.test.ts',
    ],
    rules: {
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'warn' },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
