import type { Placed } from '../../shared/suggest/withheld';
import { foldArabic, foldArabicText, type FoldedText, type FoldOptions } from '../../shared/text/arabicFold';
import type { Repository } from '../db/repository';
import type { LibraryMessage } from '../store/libraryChannel';

/**
 * The most characters of text held, by default (each also held folded for each fold option
 * searched with, two bytes a character each): a larger library's other texts are read at
 * each search, as if nothing were held.
 */
const HOLD_CHARS = 30_000_000;

/**
 * From how many documents at once the annotator's places are read for the whole library
 * instead (one getAll), and held: a tag-all that reads so many has hits in much of it.
 */
const MANY_DOCUMENTS = 100;

/** One text of the library as a search goes through it: folded as asked, and the whole fold on demand. */
export interface SearchableText {
  readonly docId: string;
  readonly text: string;
  /** The folded text alone, to test whether a query can hit it at all (`matchCore`). */
  readonly folded: string;
  /** The fold with its way back to the original, for the texts that may hold a hit. */
  readonly full: () => FoldedText;
}

/** What a library search and a library-wide tag-all read: the texts, the annotator's spans, their rejections. */
export type SearchSource = ReturnType<typeof heldLibrary>;

/**
 * The library as the library-search worker holds it between searches: every text (texts
 * never change) and its folded form, and the spans of each annotator in the documents a
 * tag-all has looked at. Each search still asks which documents there are, so a new or a
 * deleted one is never missed; spans are read again for a document the windows say they
 * stored spans in (`changed`), everything after a wholesale change (an import, a restore).
 * Rejections are few and read at every tag-all.
 */
export function heldLibrary(repo: Pick<Repository, 'eachText' | 'annotatorPlacesOf' | 'annotatorPlaces' | 'rejectionsByDoc'>, holdChars = HOLD_CHARS) {
  const texts = new Map<string, string>();
  // Folded strings alone, by fold options: the tables back to the original would be four
  // times the text, and only the texts with a hit need them.
  const folds = new Map<string, Map<string, string>>();
  const spans = new Map<string, Map<string, Placed[]>>();
  // Each annotator's places in the whole library, read once for the first tag-all that
  // wants many documents' (every concurrent read waits on the same one).
  const everywhere = new Map<string, Promise<Map<string, Placed[]>>>();
  // Counts the changes heard: what a read began before one may be older than it, so it is
  // used but not kept.
  let changes = 0;
  let wholesale = 0;
  let heldChars = 0;

  return {
    /** Every text in the order documents were added, folded with `options`; the ones not held are read. */
    async *eachFolded(options: FoldOptions): AsyncGenerator<SearchableText> {
      const key = options.tehMarbuta ? 'ة' : '';
      let folded = folds.get(key);
      if (!folded) folds.set(key, (folded = new Map<string, string>()));
      const seen = new Set<string>();
      const since = wholesale;
      for await (const { docId, text } of repo.eachText(500, texts)) {
        seen.add(docId);
        const full = () => foldArabic(text, options);
        if (since !== wholesale || (!texts.has(docId) && heldChars + text.length > holdChars)) {
          yield { docId, text, folded: foldArabicText(text, options), full };
          continue;
        }
        if (!texts.has(docId)) heldChars += text.length;
        texts.set(docId, text);
        let held = folded.get(docId);
        if (held === undefined) folded.set(docId, (held = foldArabicText(text, options)));
        yield { docId, text, folded: held, full };
      }
      // A document deleted since: its text is let go.
      if (since === wholesale && seen.size < texts.size) for (const id of texts.keys()) if (!seen.has(id)) forget(id);
    },

    /** Reads and folds every text not held yet, as a search without the tehMarbuta fold would. */
    async hold(): Promise<void> {
      for await (const _ of this.eachFolded({}));
    },

    /** Where the annotator has spans in each of `docIds`, with their labels (none for a document where they have none). */
    async annotatorPlacesOf(docIds: readonly string[], annotator: string): Promise<Map<string, Placed[]>> {
      let mine = spans.get(annotator);
      if (!mine) spans.set(annotator, (mine = new Map<string, Placed[]>()));
      const missing = docIds.filter((id) => !mine.has(id));
      if (!missing.length) return new Map(docIds.map((id) => [id, mine.get(id)!]));
      const since = changes;
      let read: Map<string, Placed[]>;
      if (missing.length >= MANY_DOCUMENTS || everywhere.has(annotator)) {
        let all = everywhere.get(annotator);
        if (!all) everywhere.set(annotator, (all = repo.annotatorPlaces(annotator)));
        const found = await all.catch((err: unknown) => {
          everywhere.delete(annotator);
          throw err;
        });
        // A document absent from the digests has no span of the annotator's.
        read = new Map(missing.map((id) => [id, found.get(id) ?? []]));
      } else read = await repo.annotatorPlacesOf(missing, annotator);
      if (since === changes) for (const [id, list] of read) mine.set(id, list);
      return new Map(docIds.map((id) => [id, read.get(id) ?? mine.get(id)!]));
    },

    rejectionsByDoc: (annotator: string) => repo.rejectionsByDoc(annotator),

    /** What a window stored: a document's spans are read again, everything after a wholesale change. */
    changed(m: LibraryMessage): void {
      changes++;
      // What was read of the whole library may be older than this now.
      everywhere.clear();
      if (m.kind === 'library') {
        wholesale++;
        heldChars = 0;
        texts.clear();
        folds.clear();
        spans.clear();
      } else if (m.kind === 'spans') for (const mine of spans.values()) mine.delete(m.docId);
    },
  };

  function forget(docId: string) {
    heldChars -= texts.get(docId)?.length ?? 0;
    texts.delete(docId);
    for (const f of folds.values()) f.delete(docId);
    for (const mine of spans.values()) mine.delete(docId);
  }
}
