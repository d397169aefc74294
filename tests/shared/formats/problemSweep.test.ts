import { describe, expect, it } from 'vitest';
import { englishOf } from '../../../shared/i18n/englishOf';
import type { Phrase, PhraseValue } from '../../../shared/i18n/phrase';
import { PROBLEM_MESSAGES } from '../../../shared/i18n/problemMessages';
import { verifyBackup } from '../../../shared/backup/verifyBackup';
import { readModelFolder } from '../../../shared/suggest/model/modelFolder';
import { applyMetaSidecars } from '../../../shared/formats/common/metaSidecar';
import type { InputFile, ParseResult, Problem } from '../../../shared/formats/exchange';
import { FORMATS } from '../../../shared/formats/registry';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { sayPhrase } from '../../../renderer/i18n/sayPhrase';

const jsonl = (...lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n');
const T = 'كتب الصحفي خبرا';

// A broken line of every kind the readers tell apart, one file per format (and per shape of file).
const BROKEN: Record<string, InputFile[][]> = {
  jsonl: [
    [{ name: 'empty.jsonl', text: '' }],
    [
      {
        name: 'news.jsonl',
        text: jsonl(
          '{not json',
          '[1]',
          { text: 7 },
          { text: '' },
          { text: 'a\ud800' },
          { text: T, meta: 3 },
          {
            text: T,
            meta: {
              id: 3,
              layer: 'x',
              status: 'y',
              reviewed: 'no',
              labels: 4,
              published: '2023-02-30',
              url: 'ftp://x',
              language: 'not a tag!',
              outlet: 7,
              tags: [1],
              date: '2024-01-01',
            },
          },
          { text: T, meta: { tags: ['a\ud800'], author: 'b\udc00' } },
          { text: T, meta: { entities: 3 } },
          {
            text: T,
            meta: {
              entities: [
                3,
                { id: 'e', name: 'n', type: 't', other_names: 4 },
                { id: 'e', name: 'n', type: 't', identifier: 5 },
                { id: 'e', name: 'n', type: 't', version: 'x' },
                { id: 'e', name: 'n', type: 't' },
                { id: 'e', name: 'n', type: 't' },
              ],
            },
          },
          { text: T, _annotator_id: 4 },
          { text: T, tokens: 3 },
          { text: T, tokens: [4] },
          { text: T, tokens: [{ start: 0, end: 99 }] },
          {
            text: T,
            tokens: [
              { start: 0, end: 3 },
              { start: 1, end: 2 },
            ],
          },
          { text: T, tokens: [{ start: 0, end: 3, text: 'xyz' }] },
          { text: T, tokens: [{ start: 0, end: 3, text: 5 }] },
          { text: T, tokens: [{ start: 0, end: 3, id: 4 }] },
          { text: T, tokens: [{ start: 0, end: 3, ws: 'yes' }] },
          { text: T, tokens: [{ start: 0, end: 2, ws: true }] },
          { text: T, spans: 3 },
          {
            text: T,
            tokens: [
              { start: 0, end: 3 },
              { start: 4, end: 10 },
            ],
            spans: [
              3,
              { start: 'a', end: 2, label: 'X' },
              { start: 0, end: 99, label: 'X' },
              { start: 3, end: 1, label: 'X' },
              { start: 0, end: 3, label: '' },
              { start: 0, end: 3, label: 'X', text: 'no' },
              { start: 0, end: 3, label: 'X', id: '' },
              { start: 0, end: 3, label: 'X', attrs: 4 },
              { start: 0, end: 3, label: 'X', attrs: { stance: 'maybe' } },
              { start: 0, end: 3, label: 'X', annotator: 5 },
              { start: 0, end: 3, label: 'X', entity: '' },
              { start: 0, end: 3, label: 'X', token_start: 1, token_end: 0 },
              { start: 0, end: 3, label: 'X', token_start: 1, token_end: 1 },
              { start: 0, end: 3, label: 'X', id: 'a', entity: 'nobody' },
              { start: 4, end: 10, label: 'X', id: 'a' },
            ],
          },
          { text: T, relations: 3 },
          {
            text: T,
            tokens: [
              { start: 0, end: 3 },
              { start: 4, end: 10 },
            ],
            spans: [
              { start: 0, end: 3, label: 'X', id: 'a', token_start: 0, token_end: 0 },
              { start: 0, end: 3, label: 'Y', id: 'b', token_start: 0, token_end: 0 },
            ],
            relations: [
              3,
              { head_id: 'a', label: 'R' },
              { head_id: 'a', child_id: 'b', label: '' },
              { head_id: 'a', child_id: 'b', label: 'a b' },
              { head_id: 'zz', child_id: 'b', label: 'R' },
              { head_id: 'a', child_id: 'zz', label: 'R' },
              { head_id: 'a', child_id: 'a', label: 'source' },
              { head_span: 3, child_span: { start: 0, end: 3 }, label: 'R' },
              { head_span: { start: 0, end: 99 }, child_span: { start: 0, end: 3 }, label: 'R' },
              { head_span: { start: 1, end: 3, label: 'X' }, child_span: { start: 0, end: 3 }, label: 'R' },
              { head_span: { start: 1, end: 3 }, child_span: { start: 0, end: 3 }, label: 'R' },
              { head: 0, child: 1, label: 'R' },
              { head: 5, child: 1, label: 'R' },
              { head_span: { start: 0, end: 3, label: 'X' }, child: 1, label: 'R' },
            ],
          },
        ),
      },
    ],
  ],
  doccano: [
    [
      {
        name: 'news.jsonl',
        text: jsonl(
          '{not json',
          { text: T, id: [1] },
          { text: T, label: [], entities: [] },
          { text: T, label: 3 },
          { text: T, label: [3, [0, 'a', 'X'], [0, 99, 'X'], [3, 1, 'X'], [0, 3, '']] },
          { text: T, labels: [['X']] },
          { text: T, entities: [[0, 3, 'X'], { id: 1 }] },
          { text: T, entities: 3 },
          {
            text: T,
            entities: [
              3,
              { id: [1] },
              { id: 1, start_offset: 0, end_offset: 3, label: 'X' },
              { id: 1, start_offset: 0, end_offset: 3, label: 'X' },
              { id: 2, start_offset: 0, end_offset: 99, label: 'X' },
              { id: 3, start_offset: 0, end_offset: 3, label: 'a b' },
            ],
          },
          { text: T, label: [[0, 3, 'X']], relations: [{ from_id: 0, to_id: 0, type: 'R' }] },
          { text: T, entities: [{ id: 1, start_offset: 0, end_offset: 3, label: 'X' }], relations: 3 },
          {
            text: T,
            entities: [
              { id: 1, start_offset: 0, end_offset: 3, label: 'X' },
              { id: 2, start_offset: 4, end_offset: 10, label: 'X' },
            ],
            relations: [
              3,
              { from_id: [1], to_id: 2, type: 'R' },
              { from_id: 1, to_id: 2, type: '' },
              { from_id: 9, to_id: 2, type: 'R' },
              { from_id: 1, to_id: 9, type: 'R' },
              { from_id: 1, to_id: 1, type: 'source' },
            ],
            published: 'yesterday',
          },
        ),
      },
    ],
  ],
  labelstudio: [
    [{ name: 'empty.json', text: ' ' }],
    [{ name: 'broken.json', text: '[\n{"data": {"text": "x"}},\n{"data" 3}\n]' }],
    [{ name: 'none.json', text: '[]' }],
    [{ name: 'number.json', text: '3' }],
    [
      {
        name: 'tasks.json',
        text: JSON.stringify(
          [
            3,
            { data: 3 },
            { data: { text: '' } },
            { data: { text: T, url: 'nowhere' }, meta: { language: '!!' } },
            { data: { text: T }, annotations: 3 },
            {
              data: { text: T },
              annotations: [
                3,
                { completed_by: [1] },
                { result: 3 },
                {
                  result: [
                    3,
                    { type: 'labels', value: 3 },
                    { type: 'labels', value: { start: 0, end: 99, labels: ['X'] } },
                    { type: 'labels', value: { start: 0, end: 3, text: 'no', labels: ['X'] } },
                    { type: 'labels', value: { start: 0, end: 3, labels: [] } },
                    { type: 'labels', value: { start: 0, end: 3, labels: ['a b'] } },
                    { type: 'labels', value: { start: 0, end: 3, labels: ['X', 'X'] } },
                    { type: 'labels', id: '', value: { start: 0, end: 3, labels: ['X'] } },
                    { type: 'labels', id: 'r1', value: { start: 0, end: 3, labels: ['X', 'Y'] } },
                    { type: 'labels', id: 'r1', value: { start: 0, end: 3, labels: ['X'] } },
                    { type: 'labels', id: 'r1#Y', value: { start: 4, end: 10, labels: ['Z'] } },
                    { type: 'labels', id: 'r2', value: { start: 4, end: 10, labels: ['X', 'Y'] } },
                    { type: 'labels', id: 'r3', value: { start: 4, end: 10, labels: ['X'] } },
                    { type: 'labels', id: 'r3x', value: { start: 4, end: 10, labels: ['X'] } },
                    { type: 'choices', id: 'r3', from_name: 'stance', value: { choices: ['maybe'] } },
                    { type: 'choices', id: 'r3x', from_name: 'stance', value: { choices: ['support'] } },
                    { type: 'choices', id: 'r3x', from_name: 'stance', value: { choices: ['oppose'] } },
                    { type: 'relation', from_id: 'r3' },
                    { type: 'relation', from_id: 'nowhere', to_id: 'r3' },
                    { type: 'relation', from_id: 'r3', to_id: 'nowhere' },
                    { type: 'relation', from_id: 'r3', to_id: 'other', labels: ['R'] },
                    { type: 'relation', from_id: 'r3', to_id: 'far', labels: ['R'] },
                    { type: 'relation', from_id: 'r3', to_id: 'r3x', direction: 'up', labels: ['R'] },
                    { type: 'relation', from_id: 'r3', to_id: 'r3x', labels: [] },
                    { type: 'relation', from_id: 'r3', to_id: 'r3x', labels: ['a b'] },
                    { type: 'relation', from_id: 'r3', to_id: 'r3', labels: ['source'] },
                  ],
                },
                { result: [{ type: 'labels', id: 'other', value: { start: 0, end: 3, labels: ['X'] } }] },
              ],
            },
            { data: { text: T }, annotations: [{ result: [{ type: 'labels', id: 'far', value: { start: 0, end: 3, labels: ['X'] } }] }] },
          ],
          null,
          1,
        ),
      },
    ],
  ],
  conll: [
    [{ name: 'empty.conll', text: '\n\n' }],
    [{ name: 'news.conll', text: 'a\ud800 O\n bad O\nword\nword b-PER\nword B-\nword O B-PER\nword B-PER\n' }],
    [{ name: 'columns.conll', text: 'w NN B-PER\nw NN x-Y\nw NN O\n' }],
    [{ name: 'many.conll', text: Array.from({ length: 60 }, () => 'word Q').join('\n') }],
  ],
};

/** Problems the readers give for the sidecar beside a file that reads well. */
function sidecarProblems(): Problem[] {
  const files: InputFile[] = [{ name: 'a.txt', text: T }];
  const cases = [
    'file,colour\na.txt,red\n',
    'title,title\na.txt,x\n',
    'title,headline\na.txt,x\n',
    'title\nx\n',
    'file,"title\na.txt,x\n',
    'file,title,published,url,language,tags\n,x\na.txt,x,2023-02-30,ftp://x,!!,"a\ud800"\na.txt,y\nb.txt,z\na.txt,x\ud800,,,,,extra\n',
  ];
  return cases.flatMap((text, k) => {
    const result: ParseResult = FORMATS.txt.parse(files);
    const sidecar = { name: k === 0 ? 'hashiya-meta.csv' : `d${k}/hashiya-meta.csv`, text };
    const beside = k === 0 ? files : [{ name: `d${k}/a.txt`, text: T }];
    const read: ParseResult = k === 0 ? result : FORMATS.txt.parse(beside);
    applyMetaSidecars(read, [sidecar, ...(k === 5 ? [{ name: `d${k}/hashiya-meta.csv`, text: 'file\na.txt\n' }] : [])], beside);
    return read.problems;
  });
}

// Broken backups: not one at all, from a newer Hashiya, and one whose rows and last line are wrong.
const BROKEN_BACKUPS = [
  '',
  'hello\n',
  '{"hashiya_backup": 99}\n',
  '{"hashiya_backup": 1, "schema": 999, "created": "x", "app": 3}\n',
  [
    '{"hashiya_backup": 1, "schema": 1, "created": "2026-01-01T00:00:00Z", "app": "test"}',
    '',
    'not json',
    '{"a": 1}',
    '{"t": "nope", "r": {}}',
    '{"t": "entities", "r": {}}',
    '{"t": "documents", "r": {"id": 5}}',
    '{"t": "spans", "r": {"id": "s", "docId": "d", "start": -1, "end": "x", "label": ""}}',
    '{"hashiya_backup_end": 1, "counts": {"documents": 3, "x": 2}, "sha256": "0"}',
    'more',
  ].join('\n'),
];

/** Problems a check of the broken backups finds. */
async function backupProblems(): Promise<Problem[]> {
  const out: Problem[] = [];
  for (const data of BROKEN_BACKUPS) {
    const check = await verifyBackup('b.jsonl', data);
    if (!check.ok) out.push(...check.problems);
  }
  return out;
}

// Model folders missing their files, or holding broken ones.
const BROKEN_MODELS: Record<string, string>[] = [
  { 'gliner_config.json': '{}' },
  {},
  { 'config.json': '{', 'tokenizer.json': '[]', 'tokenizer_config.json': '3' },
  { 'config.json': '{}', 'tokenizer.json': '{}' },
  { 'config.json': '{"id2label": {}}' },
  { 'config.json': '{"id2label": {"0": "O", "2": "B-PER"}}' },
  { 'config.json': '{"id2label": {"0": 7}}' },
];

/** The phrases of what is wrong with the broken model folders. */
async function modelProblems(): Promise<Phrase[]> {
  const out: Phrase[] = [];
  for (const files of BROKEN_MODELS) {
    const read = await readModelFolder({ name: 'model', read: (path) => Promise.resolve(path in files ? new TextEncoder().encode(files[path]) : undefined) });
    if (!read.ok) out.push(...read.problems);
  }
  return out;
}

/** Every problem the broken inputs give. */
async function everyProblem(): Promise<Problem[]> {
  const out: Problem[] = await backupProblems();
  for (const [name, sets] of Object.entries(BROKEN)) for (const files of sets) out.push(...FORMATS[name as keyof typeof FORMATS].parse(files).problems);
  return [...out, ...sidecarProblems()];
}

const SLOT = /\{\{(\w+)(?:, *(\w+))?\}\}/g;

/** What in `p` is not a phrase where the catalogue says another phrase is said, by code. */
function plainSaid(p: Phrase): string[] {
  const table = PROBLEM_MESSAGES[p.code.split('.')[0] as keyof typeof PROBLEM_MESSAGES] as Record<string, string>;
  const key = p.code.split('.')[1]!;
  const sentence = table[key] ?? table[`${key}_other`]!;
  const out: string[] = [];
  for (const [, name, format] of sentence.matchAll(SLOT)) {
    const value: PhraseValue | undefined = p.params[name!];
    if (format === 'said') {
      if (typeof value === 'object' && !Array.isArray(value)) out.push(...plainSaid(value as Phrase));
      else out.push(`${p.code}: ${String(value)}`);
    } else if (Array.isArray(value)) for (const item of value as readonly (Phrase | string)[]) if (typeof item === 'object') out.push(...plainSaid(item));
  }
  return out;
}

describe('problems of broken files and backups', () => {
  it('each have a phrase the interface says in Arabic', async () => {
    const problems = await everyProblem();
    expect(problems.length).toBeGreaterThan(100);
    followPrefs({ language: 'ar', digits: 'arab' });
    try {
      for (const p of problems) {
        expect(p.phrase, p.message).toBeDefined();
        expect(englishOf(p.phrase!)).toBe(p.message);
        expect(plainSaid(p.phrase!), p.message).toEqual([]);
        expect(sayPhrase(p.phrase!), p.message).toMatch(/[\u0621-\u064a]/);
      }
    } finally {
      followPrefs({ language: 'en', digits: 'latn' });
    }
  });

  it('of a model folder are phrases the interface says in Arabic', async () => {
    const problems = await modelProblems();
    expect(problems.length).toBeGreaterThan(10);
    followPrefs({ language: 'ar', digits: 'arab' });
    try {
      for (const p of problems) {
        expect(plainSaid(p), englishOf(p)).toEqual([]);
        expect(sayPhrase(p), englishOf(p)).toMatch(/[\u0621-\u064a]/);
      }
    } finally {
      followPrefs({ language: 'en', digits: 'latn' });
    }
  });
});
