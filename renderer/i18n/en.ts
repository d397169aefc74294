/**
 * Every string of the interface in English, by area. Keys ending in `_one`/`_other` are
 * i18next plural forms, chosen by `count`; Arabic has its six forms in `ar.ts`.
 * `tests/renderer/i18n/strings.test.ts` fails when a string is missing in either language.
 */
export const en = {
  toolbar: {
    name: 'Workbench',
    library: 'Library',
    entities: 'Entities',
    agreement: 'Agreement',
    claims: 'Claims',
    importTxt: 'Import .txt files',
    paste: 'Paste text',
    import: 'Import…',
    export: 'Export…',
    exportJsonl: 'Export JSONL',
    backups: 'Backups…',
    labels: 'Labels…',
    annotator: 'Annotator:',
    annotatorChange: 'Annotator: {{name}} (change)',
    annotatorNotSet: 'not set',
    keys: 'Keyboard shortcuts (?)',
  },
  interface: {
    language: 'Interface language',
    digits: 'Digits',
    digitsArab: 'Arabic-Indic (١٢٣)',
    digitsLatn: 'Latin (123)',
  },
  annotator: {
    empty: 'The annotator name cannot be empty.',
  },
  save: {
    saved: 'Saved',
    saving: 'Saving…',
    failed_one: '{{count, n}} change not saved',
    failed_other: '{{count, n}} changes not saved',
    retry: 'Try again',
  },
  notice: {
    saveAll: 'Save all work to a JSONL file',
    importReadable_one: 'Import the {{count, n}} readable file',
    importReadable_other: 'Import the {{count, n}} readable files',
    dismiss: 'Dismiss',
  },
};
