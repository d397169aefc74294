import { describe, expect, it } from 'vitest';
import { markFromLibrary, textSha256Of } from '../../../shared/formats/textSha256Of';
import { recordsToExchange } from '../../../shared/formats/recordsToExchange';
import { newDocument } from '../../../shared/model/newDocument';
import { sha256Hex } from '../../../shared/text/sha256';
import { fixtureArticle } from '../../support/fixtures';

const text = fixtureArticle('konico-strikes').text;

describe('textSha256Of', () => {
  it('gives the stored hash of a library document without hashing its text again', () => {
    const { record } = newDocument({ id: 'd1', title: 't', source: 's.txt', text }, 0);
    // A stand-in hash shows that the stored one is what is written.
    const doc = recordsToExchange({ ...record, textSha256: 'stored-hash' }, text, []);
    expect(textSha256Of(doc)).toBe('stored-hash');
  });

  it('hashes the text of a document read from a file, whatever hash the file claims', () => {
    expect(textSha256Of({ text, textSha256: '0'.repeat(64), spans: [] })).toBe(sha256Hex(text));
  });

  it('hashes again a copy of a library document, whose text may have been replaced', () => {
    const doc = markFromLibrary({ text, textSha256: 'stored-hash', spans: [] });
    expect(textSha256Of({ ...doc, text: 'نص آخر' })).toBe(sha256Hex('نص آخر'));
  });
});
