import { mergeLabel } from '../../shared/entities/mergeLabel';
import type { StateCreator } from 'zustand';
import { DEFAULT_LABELS, type LabelDef } from '../../shared/model/label';
import { renameLabelsInChange } from '../../shared/model/change';
import { sameStep } from './stepOrder';
import { checkLabels } from '../../shared/model/checkLabels';
import { withLabelRoles } from '../../shared/model/withLabelRoles';
import { withLabelTexts } from '../../shared/model/withLabelTexts';
import { t } from '../i18n/i18n';
import { sayPhrase } from '../i18n/sayPhrase';
import { describeRoleConflict } from './describeRoleConflict';
import { roleChanges } from './roleChanges';
import type { HashiyaState, StoreDeps, UiSlice } from './types';

/** The annotator, the project's labels, and the messages shown to the user. */
export const uiSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], UiSlice> =>
  (set, get) => ({
    annotator: null,
    settingsLoaded: false,
    overlay: null,
    linkingClaimId: null,
    labels: DEFAULT_LABELS,

    setOverlay(overlay) {
      set({ overlay });
    },

    setLinking(linkingClaimId) {
      set({ linkingClaimId });
    },

    spanListOpen: false,

    toggleSpanList() {
      set({ spanListOpen: !get().spanListOpen });
    },

    notice: null,
    noticeIn: null,
    dialogs: [],
    busy: false,
    exportProgress: null,

    async loadSettings() {
      const [annotator, stored] = await Promise.all([deps.repo.getSetting<string>('annotator'), deps.repo.getSetting<unknown>('labels')]);
      // A set restored from an older backup has no roles yet: it gets them as the upgrade gives them.
      // One without display names or guidelines in both languages gets empty ones, which show the name.
      const labels = withLabelTexts(withLabelRoles(stored)) as LabelDef[] | undefined;
      set({ annotator: annotator ?? null, labels: Array.isArray(labels) && checkLabels(labels).length === 0 ? labels : DEFAULT_LABELS, settingsLoaded: true });
    },

    async setAnnotator(name) {
      const trimmed = name.trim();
      if (!trimmed) {
        get().notify({ kind: 'error', text: t('annotator.empty') });
        return;
      }
      await deps.repo.putSetting('annotator', trimmed);
      set({ annotator: trimmed, overlay: get().overlay === 'annotator' ? null : get().overlay });
      // The open document shows the new annotator's own layer.
      const open = get().open;
      if (open) await get().openDocument(open.record.id);
      await get().refreshLibrary();
    },

    async saveLabels(labels, renames) {
      // Renaming rewrites stored spans: changes still queued with the old names go first.
      if (!(await get().flushWrites())) return [t('labels.flushFirst')];
      const problems = checkLabels(labels).map(sayPhrase);
      // A label may disappear only when no span uses it.
      const kept = new Set([...labels.map((l) => l.name), ...renames.keys()]);
      for (const old of get().labels) {
        if (kept.has(old.name)) continue;
        const used = await deps.repo.countSpansWithLabel(old.name);
        if (used) problems.push(t('labels.cannotRemove', { name: old.name, count: used }));
      }
      if (problems.length) return problems;
      const outcome = await deps.repo.renameLabels(renames, labels, deps.now(), roleChanges(get().labels, labels, renames));
      if ('conflicts' in outcome) return outcome.conflicts.map(describeRoleConflict);
      const n = outcome.renamed;
      deps.channel?.post({ kind: 'library' });
      // The undo history must speak the new names too, each step in its place in the order.
      const renamed = <C extends Parameters<typeof renameLabelsInChange>[0]>(c: C) => sameStep(c, renameLabelsInChange(c, renames));
      const history = new Map([...get().history].map(([docId, h]) => [docId, { undo: h.undo.map((c) => renamed(c)), redo: h.redo.map((c) => renamed(c)) }]));
      const lib = get().libraryHistory;
      set({
        labels,
        history,
        libraryHistory: { undo: lib.undo.map((c) => renamed(c)), redo: lib.redo.map((c) => renamed(c)) },
      });
      // Entities whose type was a renamed label were retyped with their mentions.
      if (renames.size) await get().loadEntities();
      // The open document's spans carry the old names until reloaded.
      const open = get().open;
      if (open && n > 0) await get().openDocument(open.record.id);
      get().notify({ kind: 'info', text: n ? t('labels.savedRenamed', { count: n }) : t('labels.saved') });
      return [];
    },

    labelCounts() {
      return deps.repo.labelCounts();
    },

    async describeLabelMerge(from) {
      await get().flushWrites();
      const spans = await deps.repo.spansWithLabel(from);
      return { spans: spans.length, documents: new Set(spans.map((s) => s.docId)).size };
    },

    async mergeLabel(from, into) {
      const target = get().labels.find((l) => l.name === into);
      if (!target || from === into) return [t('lib.mergeNoTarget', { name: into })];
      if (!(await get().flushWrites())) return [t('labels.flushFirst')];
      const spans = await deps.repo.spansWithLabel(from);
      // A role's rules hold after the merge too: only claims have a source or a stance, only entity spans are sources.
      if (target.role !== 'claim' && spans.some((s) => s.sourceId !== undefined || s.stance !== undefined)) return [t('lib.mergeRoleClaims', { from, into })];
      if (target.role !== 'entity' && (await deps.repo.countSourcedBy(spans.map((s) => s.id)))) return [t('lib.mergeRoleSources', { from, into })];
      const entities = await deps.repo.entitiesOfType(from);
      const title = t('lib.mergeStep', { from, into });
      const stored = await get().commitLibraryChange(mergeLabel(from, into, spans, entities, get().labels, deps.now(), title));
      if (!stored) return [get().notice?.text ?? t('labels.notSaved')];
      // Steps filed before speak the merged label's new name, as after a rename.
      const renames = new Map([[from, into]]);
      const history = new Map(
        [...get().history].map(([docId, h]) => [
          docId,
          { undo: h.undo.map((c) => sameStep(c, renameLabelsInChange(c, renames))), redo: h.redo.map((c) => sameStep(c, renameLabelsInChange(c, renames))) },
        ]),
      );
      set({ history });
      const documents = new Set(spans.map((s) => s.docId)).size;
      get().notify({
        kind: 'info',
        text: t('lib.merged', { from, into, spans: t('lib.spans', { count: spans.length }), documents: t('lib.documents', { count: documents }) }),
      });
      return [];
    },

    countSpansWithLabel(label) {
      return deps.repo.countSpansWithLabel(label);
    },

    notify(notice) {
      set({ notice, noticeIn: notice ? (get().dialogs.at(-1) ?? null) : null });
    },

    dialogOpened(name) {
      set({ dialogs: [...get().dialogs, name] });
    },

    dialogClosed(name) {
      const { dialogs, notice, noticeIn } = get();
      const at = dialogs.lastIndexOf(name);
      if (at < 0) return;
      const left = dialogs.filter((_, i) => i !== at);
      if (noticeIn !== name) set({ dialogs: left });
      else if (notice?.kind === 'info') set({ dialogs: left, noticeIn: left.at(-1) ?? null });
      else set({ dialogs: left, notice: null, noticeIn: null });
    },
  });
