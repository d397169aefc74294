import type { StateCreator } from 'zustand';
import { applyEntityChanges, applySpanChanges, invertChange, isEmptyChange, type Change, type EntityChange, type SpanChange } from '../../shared/model/change';
import { checkSpanRange } from '../../shared/model/checkSpanRange';
import { phrase } from '../../shared/i18n/phrase';
import type { DocStatus } from '../../shared/model/docStatus';
import { roleOf } from '../../shared/model/label';
import { sourceProblem } from '../../shared/model/sourceProblem';
import { createSpan, linkEntity, linkSource, relabelSpan, resizeSpan, setStance, setTargets, type Span } from '../../shared/model/span';
import { growEdge, snapToTokens } from '../../shared/text/snapToTokens';
import { lazyTokenIndex, type TokenIndex } from '../../shared/text/tokenIndex';
import { tokenize, type Token } from '../../shared/text/tokenize';
import { utf16 } from '../../shared/text/units';
import { GOLD } from '../../shared/review/decision';
import { describeStorageError } from '../db/describeStorageError';
import { t } from '../i18n/i18n';
import { sayPhrase } from '../i18n/sayPhrase';
import { labelTitle } from '../i18n/labelTitle';
import type { RefusedChange } from '../db/saveOutcome';
import type { PackedTokens } from '../db/storedText';
import { historyKey } from './historyKey';
import { markStep } from './stepOrder';
import { messagesFor, type LibraryMessage } from './libraryChannel';
import { saveQueue } from './saveQueue';
import { withPending } from './withPending';
import { throttleTrailing } from './throttleTrailing';
import { layerStatusOf } from './layerStatus';
import type { DocHistory, DocumentSlice, HashiyaState, OpenDocument, StoreDeps } from './types';

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);
const HISTORY_LIMIT = 1000;
const EMPTY_HISTORY: DocHistory = { undo: [], redo: [] };

/**
 * The document's own tokens when it has them, else the project tokenizer's: made in a task
 * after the document is shown (or at the first selection, if that comes sooner), so a long
 * text's first screen does not wait for them.
 */
function tokensFor(text: string, own: PackedTokens | undefined): TokenIndex {
  const index = lazyTokenIndex((): Token[] => (own ? ownTokens(own) : tokenize(text)));
  const make = () => setTimeout(() => index.tokens, 0);
  // After the frame that shows the document, where there are frames (not in unit tests).
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(make);
  else make();
  return index;
}

/** Resolves after the next frame is drawn (where there are frames; at once in unit tests). */
function afterFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else resolve();
  });
}

/** Resolves in a task of its own where there are frames to keep short (at once in unit tests). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') setTimeout(resolve, 0);
    else resolve();
  });
}

/** A document's own tokens (stored packed: start, end, start, end, …), every one a word. */
function ownTokens(packed: PackedTokens): Token[] {
  const tokens = new Array<Token>(packed.length >>> 1);
  for (let k = 0; k < tokens.length; k++) tokens[k] = { start: utf16(packed[2 * k]!), end: utf16(packed[2 * k + 1]!), kind: 'word' };
  return tokens;
}

/** True when two spans say the same: range, label, link and stance (versions aside). */
function sameSpan(a: Span | null | undefined, b: Span | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.start === b.start &&
    a.end === b.end &&
    a.label === b.label &&
    a.annotator === b.annotator &&
    a.sourceId === b.sourceId &&
    a.stance === b.stance &&
    a.entityId === b.entityId &&
    (a.targetIds ?? []).join('\u0000') === (b.targetIds ?? []).join('\u0000')
  );
}

/**
 * The open document and its spans. Every user action becomes one {@link Change}: the
 * store applies it at once, records it for undo, and queues it for IndexedDB, where
 * changes are stored in order, a run of them per transaction. A failed write never
 * loses a change: it stays queued (and shown as not saved) until writing succeeds again.
 * A change made from a stale copy of a span (another window changed it since) is refused
 * by the database; the store then shows what is stored.
 */
export const documentSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], DocumentSlice> =>
  (set, get) => {
    const refreshSoon = throttleTrailing(() => void get().refreshLibrary(), 300);

    /** A label as notices and undo steps name it, in the interface's language. */
    const shownLabel = (name: string) => labelTitle(get().labels, name, get().language);

    // Set while writes fail, so the all-clear is said once everything failed is stored.
    let recovering = false;
    // Counts opens: a read that a later open (or a close) overtook is dropped, never shown.
    let openTurn = 0;
    // Another window changed the document being opened, perhaps after its spans were read.
    let changedWhileOpening = false;
    // The document whose spans an open is reading, if any.
    let readingSpansOf: string | null = null;
    const queue = saveQueue({
      write: (changes) => deps.repo.saveChanges(changes, deps.now()),
      describe: describeStorageError,
      now: deps.now,
      setTimer: (run, ms) => setTimeout(run, ms),
      clearTimer: (t) => clearTimeout(t as ReturnType<typeof setTimeout>),
      onState: (save) => {
        const before = get().save;
        set({ save });
        if (save.failure && save.failure !== before.failure) {
          recovering = true;
          get().notify({
            kind: 'error',
            text: t('msg.notSaving', { why: save.failure }),
          });
        } else if (!save.failure && recovering && save.unsaved === 0) {
          recovering = false;
          get().notify({ kind: 'info', text: t('msg.savingAgain') });
        }
      },
      onWritten: (outcome) => {
        for (const m of messagesFor(outcome.written)) deps.channel?.post(m);
        if (outcome.refused.length) void refuse(outcome.refused);
        refreshSoon();
      },
    });

    /** Drops refused changes from the undo history, says why, and shows what is stored. */
    async function refuse(refused: readonly RefusedChange[]) {
      const gone = new Set(refused.map((r) => r.change));
      const history = new Map([...get().history].map(([k, h]) => [k, { undo: h.undo.filter((c) => !gone.has(c)), redo: h.redo.filter((c) => !gone.has(c)) }]));
      set({ history });
      const first = refused[0]!;
      const text = get().open?.text;
      const what = first.span && text ? `«${text.slice(first.span.start, first.span.end)}» (${shownLabel(first.span.label)})` : t('msg.aSpan');
      get().notify({
        kind: 'error',
        text:
          first.reason === 'document-gone'
            ? t('msg.notSavedGone', { title: first.change.title })
            : t('msg.notSavedChanged', { title: first.change.title, what }),
        ...(refused.length > 1 ? { details: refused.slice(1).map((r) => t('msg.alsoNotSaved', { title: r.change.title })) } : {}),
      });
      if (refused.some((r) => r.change.entities?.length)) void get().loadEntities();
      const open = get().open;
      if (!open || !refused.some((r) => r.change.docId === open.record.id)) return;
      if (refused.some((r) => r.reason === 'document-gone' && r.change.docId === open.record.id)) get().closeDocument();
      else await reloadSpans(open.record.id);
    }

    /** Reads the open document's spans again (another window changed them), keeping unsaved changes on top. */
    async function reloadSpans(docId: string) {
      const turn = openTurn;
      const loaded = await deps.repo.loadSpans(docId);
      if (turn !== openTurn || get().open?.record.id !== docId) return;
      const layer = get().layer;
      const spans = withPending(loaded, queue.pending(), docId);
      const mine = new Map(spans.filter((s) => s.annotator === layer).map((s) => [s.id, s]));
      const selected = get().selectedSpanId;
      set({ spans: mine, otherSpans: spans.filter((s) => s.annotator !== layer), selectedSpanId: selected && mine.has(selected) ? selected : null });
    }

    /** Lays what another window stored over this window's state. */
    function receive(message: LibraryMessage) {
      if (message.kind === 'library') {
        // Labels may have been renamed, documents imported, entities merged or the library restored.
        void get().loadSettings();
        void get().loadEntities();
        refreshSoon();
        const open = get().open;
        if (open) void reloadSpans(open.record.id);
        if (readingSpansOf !== null) changedWhileOpening = true;
        return;
      }
      if (message.kind === 'document') {
        const { record } = message;
        const { open, opening } = get();
        const newer = (shown: OpenDocument | null): shown is OpenDocument => shown?.record.id === record.id && shown.record.version < record.version;
        set({
          documents: get().documents.map((d) => (d.id === record.id && d.version < record.version ? record : d)),
          ...(newer(open) ? { open: { ...open, record } } : {}),
          ...(newer(opening) ? { opening: { ...opening, record } } : {}),
        });
        return;
      }
      const st = get();
      if (readingSpansOf === message.docId) changedWhileOpening = true;
      const patch: Partial<HashiyaState> = {};
      if (message.entities?.length) {
        const entities = new Map(st.entities);
        for (const e of message.entities) {
          if (e.after) entities.set(e.id, e.after);
          else entities.delete(e.id);
        }
        patch.entities = entities;
      }
      if (st.open?.record.id === message.docId) {
        const removed = new Set([...message.remove, ...message.put.map((s) => s.id)]);
        const spans = new Map(st.spans);
        for (const id of removed) spans.delete(id);
        const others = st.otherSpans.filter((s) => !removed.has(s.id));
        for (const s of message.put) {
          if (s.annotator === st.layer) spans.set(s.id, s);
          else others.push(s);
        }
        patch.spans = spans;
        patch.otherSpans = others;
        if (st.selectedSpanId && !spans.has(st.selectedSpanId)) patch.selectedSpanId = null;
        const layerStatus = message.statuses.find((x) => x.annotator === st.layer && st.layer !== st.annotator);
        if (layerStatus) patch.layerStatus = layerStatus.status;
      }
      const mine = message.statuses.find((x) => x.annotator === st.annotator);
      if (mine) patch.statuses = new Map(st.statuses).set(message.docId, mine.status);
      const review = st.review;
      if (review?.docId === message.docId && message.decisions.length) {
        const decisions = new Map(review.decisions);
        for (const d of message.decisions) {
          for (const [key, kept] of decisions) if (kept.id === d.id) decisions.delete(key);
          if (d.after && d.after.a === review.a && d.after.b === review.b) decisions.set(d.after.key, d.after);
        }
        patch.review = { ...review, decisions };
      }
      set(patch);
      refreshSoon();
    }
    deps.channel?.listen(receive);

    /**
     * The change made to apply to the spans as they are now: each span written gets the
     * version after the one on screen, so versions only ever grow (undo included) and a
     * stale copy is always caught; null when a span is no longer as the change expects
     * (another window changed it since).
     */
    function rebase(change: Change): Change | null {
      const spans = get().spans;
      const now = deps.now();
      const rebased: SpanChange[] = [];
      for (const c of change.spans) {
        const id = (c.before ?? c.after)!.id;
        const actual = spans.get(id) ?? null;
        if (!sameSpan(actual, c.before)) return null;
        const after = c.after && { ...c.after, updatedAt: now, version: (actual?.version ?? c.after.version) + 1 };
        rebased.push({ before: actual, after });
      }
      return { ...change, spans: rebased };
    }

    /** Applies a change to the open document's state and storage, and files it in the history. */
    function apply(change: Change, history: DocHistory, selectedSpanId: string | null) {
      const spans = applySpanChanges(get().spans, change);
      const patch: Partial<HashiyaState> = { spans, selectedSpanId, history: new Map(get().history).set(historyKey(change.docId, get().layer), history) };
      if (change.entities?.length) patch.entities = applyEntityChanges(get().entities, change.entities);
      if (change.status && change.status.annotator === get().annotator) {
        patch.statuses = new Map(get().statuses).set(change.docId, change.status.after);
      } else if (change.status && change.status.annotator === get().layer) {
        patch.layerStatus = change.status.after;
      }
      const review = get().review;
      if (change.decisions?.length && review?.docId === change.docId) {
        const decisions = new Map(review.decisions);
        for (const d of change.decisions) {
          if (d.after) decisions.set(d.after.key, d.after);
          else if (d.before) decisions.delete(d.before.key);
        }
        patch.review = { ...review, decisions };
      }
      set(patch);
      queue.push(change);
    }

    /** Undoes or redoes `change` on the spans as they are now; says so when another window got there first. */
    function replay(change: Change, history: DocHistory, word: 'Undo' | 'Redo') {
      const rebased = rebase(change);
      if (!rebased) {
        // The step cannot be taken without overwriting another window's later change: drop it.
        set({ history: new Map(get().history).set(historyKey(change.docId, get().layer), history) });
        get().notify({ kind: 'error', text: t(word === 'Undo' ? 'msg.undoSkipped' : 'msg.redoSkipped', { title: change.title }) });
        return;
      }
      apply(rebased, history, rebased.spans.find((c) => c.after)?.after?.id ?? null);
    }

    /** Performs a new user action: one undo step. */
    function act(
      title: string,
      spanChanges: SpanChange[],
      selectedSpanId: string | null,
      status?: DocStatus,
      decisions?: Change['decisions'],
      entities?: readonly EntityChange[],
    ): void {
      const open = get().open;
      const annotator = get().layer;
      if (!open || !annotator) return;
      const docId = open.record.id;
      const current = layerStatusOf(get(), docId);
      // The first annotation on a new document puts it in progress, in the same step.
      const after = status ?? (current === 'new' && spanChanges.length ? 'in-progress' : current);
      const change: Change = {
        docId,
        title,
        spans: spanChanges,
        ...(after !== current ? { status: { annotator, before: current, after } } : {}),
        ...(decisions?.length ? { decisions } : {}),
        ...(entities?.length ? { entities } : {}),
      };
      if (isEmptyChange(change)) return;
      const h = get().history.get(historyKey(docId, annotator)) ?? EMPTY_HISTORY;
      apply(markStep(change), { undo: [...h.undo, change].slice(-HISTORY_LIMIT), redo: [] }, selectedSpanId);
    }

    function selected(): Span | undefined {
      const id = get().selectedSpanId;
      return id ? get().spans.get(id) : undefined;
    }

    /** The range made ready for a span: ordered, trimmed, snapped unless precise; or why not. */
    function prepareRange(rawStart: number, rawEnd: number, precise: boolean): { start: number; end: number } | string {
      const open = get().open!;
      const text = open.text;
      let start = Math.min(rawStart, rawEnd);
      let end = Math.max(rawStart, rawEnd);
      // Offsets outside the text are refused before snapping could pull them back in.
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > text.length) {
        return sayPhrase(checkSpanRange(text, start, end) ?? phrase('range.outside', { start, end, length: text.length }));
      }
      if (!precise && !get().precise) {
        const snapped = snapToTokens(open.tokens, start, end);
        if (!snapped) return t('problemText.noWord');
        start = snapped.start;
        end = snapped.end;
      }
      while (start < end && isSpace(text[start])) start++;
      while (end > start && isSpace(text[end - 1])) end--;
      const range = checkSpanRange(text, start, end);
      return range ? sayPhrase(range) : { start, end };
    }

    return {
      open: null,
      opening: null,
      layer: null,
      otherSpans: [],
      layerStatus: null,
      spans: new Map(),
      selectedSpanId: null,
      precise: false,
      history: new Map(),

      async openDocument(id) {
        const turn = ++openTurn;
        const loaded = await deps.repo.loadDocument(id);
        if (turn !== openTurn) return true;
        if (!loaded) {
          get().notify({ kind: 'error', text: t('msg.documentGone') });
          return false;
        }
        // The editable layer: the reviewer's gold in review, else the annotator's own spans.
        const layer = get().review?.docId === id ? GOLD : get().annotator;
        const layerStatus = layer === GOLD ? await deps.repo.statusOf(id, GOLD) : null;
        if (turn !== openTurn) return true;
        const opening: OpenDocument = { record: loaded.record, text: loaded.text, tokens: tokensFor(loaded.text, loaded.tokens) };
        changedWhileOpening = false;
        readingSpansOf = id;
        // The document open again (another annotator, an import, a restore): what is shown stays
        // until the new spans replace it in one step, rather than every span going for a frame.
        const again = get().open?.record.id === id;
        if (!again) {
          // The text is shown now; the spans follow, all at once (the editor draws them as one step).
          set({ open: null, opening, layer, layerStatus, spans: new Map(), otherSpans: [], selectedSpanId: null });
          // The spans' read (11,000 rows cloned back on this thread) comes after the text's first frame.
          await afterFrame();
          if (turn !== openTurn) return true;
        }
        const stored = await deps.repo.loadSpans(id);
        // The rows were cloned back in the task that delivered them: the spans are handed on in one of their own.
        await nextTask();
        // A close or another open came first: these spans belong to no document shown.
        const shown = again ? get().open : get().opening;
        if (turn !== openTurn || shown?.record.id !== id) return true;
        readingSpansOf = null;
        // What is stored, with the changes still waiting to be written on top.
        const spans = withPending(stored, queue.pending(), id);
        set({
          // The record as the channel last said it, if that is newer than the one read.
          open: shown.record.version > opening.record.version ? { ...opening, record: shown.record } : opening,
          opening: null,
          layer,
          layerStatus,
          spans: new Map(spans.filter((s) => s.annotator === layer).map((s) => [s.id, s])),
          otherSpans: spans.filter((s) => s.annotator !== layer),
          selectedSpanId: null,
        });
        // Another window's change may have come after the read: what is stored now wins.
        if (changedWhileOpening) await reloadSpans(id);
        return true;
      },

      save: { unsaved: 0, saved: 0, failure: null, retryAt: null },

      flushWrites() {
        return queue.flush();
      },

      retrySaving() {
        queue.retryNow();
      },

      unsavedChanges() {
        return queue.pending();
      },

      closeDocument() {
        openTurn++;
        readingSpansOf = null;
        set({ open: null, opening: null, layer: null, otherSpans: [], layerStatus: null, spans: new Map(), selectedSpanId: null });
        void get().refreshLibrary();
      },

      addSpan(label, rawStart, rawEnd, precise = false) {
        const open = get().open;
        const annotator = get().layer;
        if (!open) {
          // Tagging waits for the spans: a tag now could duplicate or overlap one not yet read.
          if (get().opening) get().notify({ kind: 'info', text: t('firstScreen.spansComing') });
          return null;
        }
        if (!annotator) {
          get().notify({ kind: 'error', text: t('msg.annotatorFirst') });
          return null;
        }
        const range = prepareRange(rawStart, rawEnd, precise);
        if (typeof range === 'string') {
          get().notify({ kind: 'error', text: t('msg.cannotTag', { why: range }) });
          return null;
        }
        for (const s of get().spans.values()) {
          if (s.start === range.start && s.end === range.end && s.label === label) {
            set({ selectedSpanId: s.id });
            return s.id;
          }
        }
        const span = createSpan({ id: deps.newId(), docId: open.record.id, start: utf16(range.start), end: utf16(range.end), label, annotator }, deps.now());
        act(t('change.add', { label: shownLabel(label) }), [{ before: null, after: span }], span.id);
        return span.id;
      },

      relabelSelected(label) {
        const span = selected();
        if (!span) return;
        const now = deps.now();
        let after = relabelSpan(span, label, now);
        if (after === span) return;
        const role = roleOf(get().labels, label);
        const changes: SpanChange[] = [];
        const dropped: string[] = [];
        // Only a claim has a source and a stance, and only an entity span is a source: what
        // the new label cannot have goes in the same step, so one undo brings it back.
        if (role !== 'claim' && (span.sourceId !== undefined || span.stance !== undefined || span.targetIds !== undefined)) {
          after = setTargets(setStance(linkSource(after, null, now), null, now), [], now);
          dropped.push(span.targetIds === undefined ? t('msg.dropsSourceStance') : t('msg.dropsSourceStanceTargets'));
        }
        if (role !== 'entity' && span.entityId !== undefined) {
          after = linkEntity(after, null, now);
          dropped.push(t('msg.dropsEntity'));
        }
        changes.push({ before: span, after });
        if (role !== 'entity') {
          const claims = [...get().spans.values()].filter((s) => s.sourceId === span.id);
          for (const c of claims) changes.push({ before: c, after: linkSource(c, null, now) });
          if (claims.length) dropped.push(t('msg.dropsLinks', { count: claims.length }));
        }
        act(t('change.relabel', { label: shownLabel(label) }), changes, span.id);
        if (dropped.length) get().notify({ kind: 'info', text: t('msg.relabelled', { label: shownLabel(label), dropped: dropped.join(t('msg.dropsAnd')) }) });
      },

      deleteSelected() {
        const span = selected();
        if (!span) return;
        const now = deps.now();
        const changes: SpanChange[] = [{ before: span, after: null }];
        // Claims that named this span as their source lose the link in the same step.
        // So do claims it was a source or a target of.
        for (const s of get().spans.values()) {
          let after = s.sourceId === span.id ? linkSource(s, null, now) : s;
          if (s.targetIds?.includes(span.id))
            after = setTargets(
              after,
              s.targetIds.filter((id) => id !== span.id),
              now,
            );
          if (after !== s) changes.push({ before: s, after });
        }
        act(t('change.delete', { label: shownLabel(span.label) }), changes, null);
      },

      selectSpan(id) {
        if (get().selectedSpanId !== id) set({ selectedSpanId: id });
      },

      resizeSelected(edge, direction) {
        const span = selected();
        const open = get().open;
        if (!span || !open) return;
        const range = growEdge(open.tokens, span, edge, direction);
        if (!range) return;
        const after = resizeSpan(span, range.start, range.end, deps.now());
        if (after !== span) act(t('change.resize', { label: shownLabel(span.label) }), [{ before: span, after }], span.id);
      },

      setSpanRange(id, start, end, precise = false) {
        const span = get().spans.get(id);
        if (!span) return;
        const range = prepareRange(start, end, precise);
        if (typeof range === 'string') {
          get().notify({ kind: 'error', text: t('msg.cannotResize', { why: range }) });
          return;
        }
        const after = resizeSpan(span, utf16(range.start), utf16(range.end), deps.now());
        if (after !== span) act(t('change.resize', { label: shownLabel(span.label) }), [{ before: span, after }], span.id);
      },

      linkSource(claimId, sourceId) {
        const claim = get().spans.get(claimId);
        if (!claim) return;
        if (sourceId !== null) {
          // The open layer's spans are all there is to link to: a span of another document
          // (or layer) is never among them.
          const source = get().spans.get(sourceId);
          const why = source ? sourceProblem(get().labels, claim, source) : t('msg.sourceOtherDocument');
          if (why) {
            get().notify({ kind: 'error', text: t('msg.cannotLinkSource', { why }) });
            return;
          }
        }
        const after = linkSource(claim, sourceId, deps.now());
        if (after !== claim) act(sourceId ? t('change.linkSource') : t('change.unlinkSource'), [{ before: claim, after }], claimId);
      },

      setStance(claimId, stance) {
        const claim = get().spans.get(claimId);
        if (!claim) return;
        if (stance !== null && roleOf(get().labels, claim.label) !== 'claim') {
          get().notify({ kind: 'error', text: t('msg.notClaimStance', { label: shownLabel(claim.label) }) });
          return;
        }
        const after = setStance(claim, stance, deps.now());
        if (after !== claim)
          act(stance ? t('change.stance', { stance: t(`stance.word.${stance}`) }) : t('change.clearStance'), [{ before: claim, after }], claimId);
      },

      linkEntity(spanId, entityId) {
        const span = get().spans.get(spanId);
        if (!span) return;
        if (entityId !== null) {
          if (roleOf(get().labels, span.label) !== 'entity') {
            get().notify({ kind: 'error', text: t('msg.notEntityLink', { label: shownLabel(span.label) }) });
            return;
          }
          if (!get().entities.has(entityId)) {
            get().notify({ kind: 'error', text: t('msg.entityGone') });
            return;
          }
        }
        const after = linkEntity(span, entityId, deps.now());
        if (after !== span)
          act(entityId ? t('change.linkEntity', { name: get().entities.get(entityId)!.name }) : t('change.unlinkEntity'), [{ before: span, after }], spanId);
      },

      newEntityFrom(spanId) {
        const span = get().spans.get(spanId);
        const open = get().open;
        if (!span || !open) return null;
        if (roleOf(get().labels, span.label) !== 'entity') {
          get().notify({ kind: 'error', text: t('msg.notEntityMake', { label: shownLabel(span.label) }) });
          return null;
        }
        const now = deps.now();
        const entity = {
          id: deps.newId(),
          name: open.text.slice(span.start, span.end).trim(),
          otherNames: [],
          type: span.label,
          createdAt: now,
          updatedAt: now,
          version: 1,
        };
        act(t('change.newEntity', { name: entity.name }), [{ before: span, after: linkEntity(span, entity.id, now) }], spanId, undefined, undefined, [
          { before: null, after: entity },
        ]);
        return entity.id;
      },

      setTargets(claimId, targetIds) {
        const claim = get().spans.get(claimId);
        if (!claim) return;
        if (roleOf(get().labels, claim.label) !== 'claim') {
          get().notify({ kind: 'error', text: t('msg.notClaimTargets', { label: shownLabel(claim.label) }) });
          return;
        }
        // Only spans of the open layer, the same document, may be targets.
        const ids = [...new Set(targetIds)].filter((id) => id !== claimId && get().spans.has(id));
        const after = setTargets(claim, ids, deps.now());
        if (after !== claim) act(ids.length ? t('change.setTargets') : t('change.clearTargets'), [{ before: claim, after }], claimId);
      },

      toggleDone() {
        const open = get().open;
        if (!open) return;
        const current = layerStatusOf(get(), open.record.id);
        act(current === 'done' ? t('change.reopen') : t('change.markDone'), [], get().selectedSpanId, current === 'done' ? 'in-progress' : 'done');
      },

      setPrecise(precise) {
        set({ precise });
      },

      commitAction(title, spanChanges, selectedSpanId, decisions) {
        act(title, spanChanges, selectedSpanId, undefined, decisions);
      },

      undo() {
        const open = get().open;
        if (!open) return;
        const h = get().history.get(historyKey(open.record.id, get().layer)) ?? EMPTY_HISTORY;
        const last = h.undo[h.undo.length - 1];
        if (!last) return;
        replay(invertChange(last), { undo: h.undo.slice(0, -1), redo: [...h.redo, markStep(last)] }, 'Undo');
      },

      redo() {
        const open = get().open;
        if (!open) return;
        const h = get().history.get(historyKey(open.record.id, get().layer)) ?? EMPTY_HISTORY;
        const next = h.redo[h.redo.length - 1];
        if (!next) return;
        replay(next, { undo: [...h.undo, markStep(next)], redo: h.redo.slice(0, -1) }, 'Redo');
      },
    };
  };
