import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, Problem } from '../../../shared/formats/exchange';
import { jsonlFormat } from '../../../shared/formats/jsonl';
import { readChunks, type ParsedChunk } from '../../../renderer/import/readChunks';
import { fixtureArticle } from '../../support/fixtures';
import { encodeUtf16 } from '../../shared/support/encodings';

const enc = (s: string) => new TextEncoder().encode(s);

/** Every document and problem the app's chunked reader finds in `bytes`, read `linesPerChunk` lines at a time. */
async function readAll(bytes: Uint8Array, linesPerChunk?: number) {
  const documents: ExchangeDocument[] = [];
  const problems: Problem[] = [];
  const rejected: ParsedChunk['rejected'][number][] = [];
  const chunks = readChunks(new Blob([new Uint8Array(bytes)]), 'big.jsonl', jsonlFormat, linesPerChunk);
  for (;;) {
    const step = await chunks.next();
    if (step.done) return { documents, problems, rejected, encoding: step.value.encoding };
    documents.push(...step.value.documents);
    problems.push(...step.value.problems);
    rejected.push(...step.value.rejected);
  }
}

// The sample that decides the encoding is the file's first 256 KiB.
const SAMPLE = 262_144;

describe('readChunks: the encoding sample', () => {
  it('reads a JSONL file whose first line is longer than the sample and has a two-byte character across its end', async () => {
    // A real article, repeated on one line until it is longer than the sample.
    let text = '';
    while (enc(text).length <= SAMPLE) text += fixtureArticle('konico-strikes').text.replace(/\n/g, ' ') + ' ';
    // Spaces before the first key move the text until a two-byte character starts at byte 262,143.
    let pad = '';
    let first: string;
    for (;;) {
      first = `{${pad}"text":${JSON.stringify(text)}}`;
      const lead = enc(first)[SAMPLE - 1]!;
      if (lead >= 0xc2 && lead <= 0xdf) break;
      pad += ' ';
    }
    const file = enc(`${first}\n{"text":"نص قصير"}\n`);
    expect(file.length).toBeGreaterThan(SAMPLE);
    expect(new TextDecoder().decode(file.subarray(0, SAMPLE)).endsWith('\ufffd')).toBe(true);

    const { documents, problems, encoding } = await readAll(file);
    expect(problems).toEqual([]);
    expect(encoding).toBe('utf-8');
    expect(documents.map((d) => [d.text, d.line])).toEqual([
      [text, 1],
      ['نص قصير', 2],
    ]);
  });

  it.each(['le', 'be'] as const)('reads a UTF-16 %s JSONL file longer than the sample, whatever its line breaks', async (order) => {
    const lines = fixtureArticle('weekly-digest')
      .text.split('\n')
      .filter((l) => l.trim() !== '');
    const texts: string[] = [];
    while (texts.join('').length * 2 <= SAMPLE) texts.push(...lines);
    const file = encodeUtf16(texts.map((t) => JSON.stringify({ text: t })).join('\n') + '\n', order);
    expect(file.length).toBeGreaterThan(SAMPLE);

    const { documents, problems, encoding } = await readAll(file);
    expect(problems).toEqual([]);
    expect(encoding).toBe(`utf-16${order}`);
    expect(documents.map((d) => d.text)).toEqual(texts);
  });
});

describe('readChunks: the same documents and problems as the whole file', () => {
  const whole = (content: string) => jsonlFormat.parse([{ name: 'big.jsonl', text: content }]);
  const line = (text: string, extra: object = {}) => JSON.stringify({ text, ...extra });

  it('numbers lines as the file does when blank lines fall inside a run, and names a document without a source by its own line', async () => {
    const content =
      [line('قال المرصد'), '', '  ', line('نفت القوات', { spans: [{ start: 0, end: 99, label: 'x' }] }), '', line('حقل كونيكو'), line('دير الزور')].join(
        '\r\n',
      ) + '\r\n';
    const expected = whole(content);
    expect(expected.problems.map((p) => p.line)).toEqual([4]);
    expect(expected.documents.map((d) => [d.line, d.source])).toEqual([
      [1, 'big.jsonl:1'],
      [6, 'big.jsonl:6'],
      [7, 'big.jsonl:7'],
    ]);
    for (const linesPerChunk of [1, 2, 3, 100]) {
      const { documents, problems } = await readAll(enc(content), linesPerChunk);
      expect(problems, `${linesPerChunk} lines a run`).toEqual(expected.problems);
      expect(documents, `${linesPerChunk} lines a run`).toEqual(expected.documents);
    }
  });

  it('keeps a CR that belongs to a line (CR CR LF) in what it rejects, as the whole file does (found by the fuzzer)', async () => {
    const content = 'قال\r\r\n' + line('حقل كونيكو') + '\r\n' + 'نفى\r\r';
    const expected = whole(content);
    expect(expected.rejected.map((r) => r.text)).toEqual(['قال\r', 'نفى\r']);
    for (const linesPerChunk of [1, 100]) {
      const { problems, rejected } = await readAll(enc(content), linesPerChunk);
      expect(problems).toEqual(expected.problems);
      expect(rejected).toEqual(expected.rejected);
    }
  });

  it('reports a file of blank lines as the format does', async () => {
    const { problems } = await readAll(enc('\n  \r\n\n'));
    expect(problems).toEqual(whole('\n  \r\n\n').problems);
  });
});
