import { describe, expect, it } from 'vitest';
import { findOccurrences, type FoundOccurrences } from '../../../renderer/search/findOccurrences';
import type { SearchSource, SearchableText } from '../../../renderer/search/heldLibrary';
import { foldArabic } from '../../../shared/text/arabicFold';
import { utf16 } from '../../../shared/text/units';

// A tag-all reads spans while it goes on searching: what it reports must not depend on
// which read comes back first.

const TEXT = 'قصفت القوات الأميركية مواقع، وقالت القوات الأميركية إنها ردت.';
const TAGGED = 'قالت القوات الأميركية إنها ردت على الهجوم.';

/** `count` documents, the odd ones with their one «القوات الأميركية» tagged already; an earlier read of spans ends later. */
function source(count: number, fails = false) {
  const docs = Array.from({ length: count }, (_, k) => ({ docId: `d${k}`, text: k % 2 ? TAGGED : TEXT }));
  let reads = 0;
  let maxAtOnce = 0;
  let atOnce = 0;
  const repo: Pick<SearchSource, 'eachFolded' | 'annotatorPlacesOf' | 'rejectionsByDoc'> = {
    async *eachFolded(options) {
      for (const { docId, text } of docs) {
        const full = foldArabic(text, options);
        yield { docId, text, folded: full.text, full: () => full } satisfies SearchableText;
      }
    },
    async annotatorPlacesOf(docIds) {
      const k = ++reads;
      atOnce++;
      maxAtOnce = Math.max(maxAtOnce, atOnce);
      // The first read is the slowest: the later ones finish before it.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 20 - 5 * k)));
      atOnce--;
      if (fails && k === 2) throw new Error('the spans could not be read');
      return new Map(
        docIds.map((id) => {
          const odd = Number(id.slice(1)) % 2 === 1;
          const span = { start: utf16(5), end: utf16(21), label: 'actor' };
          return [id, odd ? [span] : []];
        }),
      );
    },
    rejectionsByDoc: () => Promise.resolve(new Map()),
  };
  return { repo, stats: () => ({ reads, maxAtOnce }) };
}

const REQUEST = { query: 'القوات الأميركية', label: 'actor', options: {}, annotator: 'mona', skipDocId: null };

describe('findOccurrences', () => {
  it('reports every document in library order, whichever read of spans ends first', async () => {
    const { repo, stats } = source(450);
    const found: FoundOccurrences[] = [];
    let searched = 0;
    await findOccurrences(repo, REQUEST, (f, s) => {
      found.push(...f);
      searched = s;
    });
    expect(searched).toBe(450);
    // The even documents offer both places; the odd ones' one place is tagged already.
    expect(found.map((f) => f.docId)).toEqual(Array.from({ length: 225 }, (_, k) => `d${2 * k}`));
    expect(found[0]!.places).toEqual([
      { start: 5, end: 21 },
      { start: 35, end: 51 },
    ]);
    expect(found[0]!.snippet.hit).toBe('القوات الأميركية');
    expect(stats().reads).toBe(5);
    expect(stats().maxAtOnce).toBeGreaterThan(1);
  });

  it('fails with the read that failed', async () => {
    const { repo } = source(450, true);
    await expect(findOccurrences(repo, REQUEST, () => {})).rejects.toThrow('the spans could not be read');
  });
});
