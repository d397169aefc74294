import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newDocument } from '../../../shared/model/newDocument';
import { sha256Hex } from '../../../shared/text/sha256';
import { ARTICLE_SETS } from '../../support/corpora';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

for (const set of ARTICLE_SETS) {
  describe(`newDocument on ${set.name}`, set.options, () => {
    it('builds the library record and text of every article', () => {
      for (const { name, bytes, text, bom } of set.articles()) {
        const { record, text: stored } = newDocument({ id: 'doc-' + name, title: name, source: name, text }, 42);
        expect(record).toEqual({
          id: 'doc-' + name,
          title: name,
          source: name,
          textSha256: nodeSha(bom ? bytes.subarray(3) : bytes), // the file's bytes after any BOM, hashed by Node: an independent oracle
          length: Array.from(text).length,
          spanCount: 0,
          createdAt: 42,
          updatedAt: 42,
          version: 1,
        });
        expect(stored).toEqual({ docId: 'doc-' + name, text });
        expect(stored.text).toBe(text);
      }
    });
  });
}

describe('newDocument', () => {
  it('keeps the text verbatim: CRLF, trailing spaces, marks, BOM-like characters', () => {
    const text = '\ufeff\u200eقَالَ  \r\n\r\nسطر\t \u061c';
    const { record, text: stored } = newDocument({ id: 'a', title: 't', source: 'clipboard', text }, 1);
    expect(stored.text).toBe(text);
    expect(record.length).toBe(text.length); // all BMP
    expect(record.textSha256).toBe(sha256Hex(text));
    expect(record.textSha256).toBe(nodeSha(new TextEncoder().encode(text)));
  });

  it('counts the length in code points: an emoji counts one', () => {
    const make = (text: string) => newDocument({ id: 'a', title: 't', source: 's', text }, 1).record.length;
    expect(make('أ🚀ب')).toBe(3);
    expect(make('👍🏽')).toBe(2); // Python: len("👍🏽") == 2
    expect(make('🇸🇾 سوريا')).toBe(8);
    expect(make('a\ud800b')).toBe(3); // lone surrogate: one code point
    expect(make('')).toBe(0);
  });

  it('hashes the UTF-8 bytes (changes when one haraka changes)', () => {
    const a = newDocument({ id: 'a', title: 't', source: 's', text: 'قَالَ' }, 1).record.textSha256;
    const b = newDocument({ id: 'a', title: 't', source: 's', text: 'قُالَ' }, 1).record.textSha256;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toBe(b);
    expect(a).toBe(sha256Hex('قَالَ'));
  });
});
