import type { StateCreator } from 'zustand';
import { checkSpanRange } from '../../shared/model/checkSpanRange';
import { createSpan, relabelSpan, type Span } from '../../shared/model/span';
import { utf16 } from '../../shared/text/units';
import type { DocumentSlice, HashiyaState, StoreDeps } from './types';

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * The open document and its spans. Every change updates the store at once and is
 * written to IndexedDB in order; if a write fails the document is reloaded from the
 * database, so the screen never shows what is not stored.
 */
export const documentSlice =
  (deps: StoreDeps): StateCreator<HashiyaState, [], [], DocumentSlice> =>
  (set, get) => {
    let writes: Promise<void> = Promise.resolve();

    function persist(docId: string, put: Span[], remove: string[]) {
      const count = get().spans.size;
      const now = deps.now();
      writes = writes
        .then(() => deps.repo.saveSpans(docId, put, remove, count, now))
        .catch(async (e: unknown) => {
          get().notify({ kind: 'error', text: `Could not save the change: ${(e as Error).message}. The document was reloaded from storage.` });
          if (get().open?.record.id === docId) await get().openDocument(docId);
        });
    }

    function commit(next: Map<string, Span>, put: Span[], remove: string[], selectedSpanId: string | null) {
      const open = get().open;
      if (!open) return;
      set({ spans: next, selectedSpanId });
      persist(open.record.id, put, remove);
    }

    return {
      open: null,
      spans: new Map(),
      selectedSpanId: null,

      async openDocument(id) {
        await writes;
        const loaded = await deps.repo.loadDocument(id);
        if (!loaded) {
          get().notify({ kind: 'error', text: 'That document is no longer in the library.' });
          return false;
        }
        set({
          open: { record: loaded.record, text: loaded.text },
          spans: new Map(loaded.spans.map((s) => [s.id, s])),
          selectedSpanId: null,
        });
        return true;
      },

      closeDocument() {
        set({ open: null, spans: new Map(), selectedSpanId: null });
        void writes.then(() => get().refreshLibrary());
      },

      addSpan(label, rawStart, rawEnd) {
        const open = get().open;
        if (!open) return null;
        const text = open.text;
        let start = Math.min(rawStart, rawEnd);
        let end = Math.max(rawStart, rawEnd);
        while (start < end && isSpace(text[start])) start++;
        while (end > start && isSpace(text[end - 1])) end--;
        const problem = checkSpanRange(text, start, end);
        if (problem) {
          get().notify({ kind: 'error', text: `Cannot tag that selection: ${problem}.` });
          return null;
        }
        for (const s of get().spans.values()) {
          if (s.start === start && s.end === end && s.label === label) {
            set({ selectedSpanId: s.id });
            return s.id;
          }
        }
        const span = createSpan(
          { id: deps.newId(), docId: open.record.id, start: utf16(start), end: utf16(end), label, annotator: get().annotator },
          deps.now(),
        );
        const next = new Map(get().spans);
        next.set(span.id, span);
        commit(next, [span], [], span.id);
        return span.id;
      },

      relabelSelected(label) {
        const id = get().selectedSpanId;
        const span = id ? get().spans.get(id) : undefined;
        if (!span) return;
        const changed = relabelSpan(span, label, deps.now());
        if (changed === span) return;
        const next = new Map(get().spans);
        next.set(changed.id, changed);
        commit(next, [changed], [], changed.id);
      },

      deleteSelected() {
        const id = get().selectedSpanId;
        if (!id || !get().spans.has(id)) return;
        const next = new Map(get().spans);
        next.delete(id);
        commit(next, [], [id], null);
      },

      selectSpan(id) {
        if (get().selectedSpanId !== id) set({ selectedSpanId: id });
      },
    };
  };

