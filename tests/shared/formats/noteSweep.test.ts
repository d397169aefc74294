import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, InputFile } from '../../../shared/formats/exchange';
import { parseConll } from '../../../shared/formats/conll';
import { FORMATS } from '../../../shared/formats/registry';
import { englishOf } from '../../../shared/i18n/englishOf';
import { NOTE_MESSAGES } from '../../../shared/i18n/noteMessages';
import { isPhraseList, type Phrase, type PhraseValue } from '../../../shared/i18n/phrase';
import { planImport } from '../../../shared/import/planImport';
import { followPrefs } from '../../../renderer/i18n/i18n';
import { sayPhrase } from '../../../renderer/i18n/sayPhrase';
import type { Utf16Offset } from '../../../shared/text/units';

const T = 'قال المرصد السوري إن الطائرات قصفت حقل كونيكو';
const at = (start: number, end: number, label: string, more: Partial<{ id: string; stance: 'asserted'; annotator: string }> = {}) => ({
  start: start as Utf16Offset,
  end: end as Utf16Offset,
  label,
  ...more,
});
const task = (body: object) => JSON.stringify({ data: { text: T }, ...body });

// Files each reader reads while noting something: a scheme read another way, lines and
// results it does not hold, tasks it leaves out.
const READ: Record<string, InputFile[][]> = {
  conll: [
    [{ name: 'old.iob', text: 'قال I-ORG\nالمرصد I-ORG\n' }],
    [{ name: 'new.conll', text: 'قال O\nالمرصد I-ORG\nو O\nحلب B-LOC\n' }],
    [{ name: 'a.bioes', text: 'دير B-LOC\nالزور E-LOC\nقوات B-ORG\nسوريا I-ORG\nو O\nحلب E-LOC\n' }],
    [{ name: 'c.conll', text: '-DOCSTART- -X- O\n\n-DOCSTART- -X- O\n\nقال VB B-VP O\nالمرصد NN B-NP B-ORG\n' }],
  ],
  jsonl: [
    [
      {
        name: 'ner.jsonl',
        text: [
          { text: T, answer: 'reject' },
          { text: T, answer: 'ignore' },
          { text: T, answer: 'reject' },
        ]
          .map((l) => JSON.stringify(l))
          .join('\n'),
      },
    ],
  ],
  labelstudio: [
    [
      {
        name: 'tasks.json',
        text: `[${[
          task({ id: 1, predictions: [{ result: [] }], annotations: [{ id: 2, result: [], was_cancelled: true }] }),
          task({
            id: 3,
            annotations: [
              {
                id: 4,
                result: [
                  { id: 'r1', type: 'labels', from_name: 'label', to_name: 'text', value: { start: 4, end: 17, labels: ['actor'] } },
                  { id: 'r9', type: 'choices', from_name: 'stance', to_name: 'text', value: { choices: ['asserted'] } },
                  { id: 'r1', type: 'choices', from_name: 'topic', to_name: 'text', value: { choices: ['war'] } },
                  { id: 'x', type: 'textarea', from_name: 'notes', to_name: 'text', value: { text: ['?'] } },
                ],
              },
            ],
          }),
        ].join(',')}]`,
      },
    ],
  ],
  brat: [
    [
      { name: 'annotation.conf', text: '[entities]\nactor\n' },
      { name: 'alone.txt', text: T },
      { name: 'a.txt', text: 'قال\nالمرصد' },
      {
        name: 'a.ann',
        text: 'T1\tactor 0 3;4 10\tقال المرصد\n#1\tAnnotatorNotes T1\tx\nE1\tattack:T1\nM1\tNegated E1\nN1\tReference T1 Wikidata:Q1\tx\n*\tAlias T1 T1\nA1\tNegated T1\n',
      },
      { name: 'b.txt', text: T },
      { name: 'b.ann', text: 'T1\tactor 0 3;18 20\tقال إن\n' },
    ],
  ],
};

// Documents each writer has to leave something out of, or write another way.
const BAD: ExchangeDocument = {
  text: T,
  title: 'خبر',
  tokens: [
    [0, 3],
    [2, 10],
  ],
  spans: [
    at(4, 17, 'actor', { id: 'a', annotator: 'omar' }),
    at(4, 17, 'claim', { id: 'b', stance: 'asserted', annotator: 'laila' }),
    at(4, 99, 'actor', { id: 'c' }),
    at(5, 10, 'two words', { id: 'd' }),
    at(3, 4, 'place', { id: 'e' }),
    at(0, 10, 'place', { id: 'f' }),
  ],
  relations: [
    { head: 'b', child: 'a', label: 'source' },
    { head: 'b', child: 'c', label: 'source' },
  ],
};
const LINES: ExchangeDocument = {
  text: '-DOCSTART- قال\nالمرصد',
  spans: [at(11, 21, 'actor'), at(14, 15, 'place'), at(11, 15, 'place')],
  tokens: [
    [0, 10],
    [11, 14],
    [15, 21],
  ],
};
const NESTED: ExchangeDocument = { text: T, spans: [at(0, 10, 'place'), at(4, 17, 'place')] };
const EMPTY: ExchangeDocument = { text: ' \n', spans: [] };

/** Every note the readers, the writers and the import plan give for the inputs above. */
function everyNote(): Phrase[] {
  const notes: Phrase[] = [];
  for (const [name, sets] of Object.entries(READ)) for (const files of sets) notes.push(...FORMATS[name as keyof typeof FORMATS].parse(files).notes);
  for (const format of Object.values(FORMATS)) notes.push(...format.serialize([BAD, LINES, EMPTY]).notes);
  notes.push(...FORMATS.conll.serialize([BAD, LINES], { labels: ['actor'] }).notes);
  notes.push(...FORMATS.conll.serialize([NESTED], { nested: true }).notes);
  notes.push(...FORMATS.doccano.serialize([BAD], { doccanoColumn: 'label' }).notes);
  notes.push(...parseConll(READ.conll![1]!, { scheme: 'IOB2' }).notes);
  const odd = { text: T, spans: BAD.spans.slice(0, 2), relations: [{ head: 'b', child: 'a', label: 'cites' }] };
  notes.push(...planImport([odd], { bySha: new Map(), byId: new Map() }, { annotator: 'me', now: 1, newId: () => 'x' }).notes);
  return notes;
}

/** The codes of a note and of the phrases said within it. */
function codesIn(p: Phrase): string[] {
  const inner = Object.values(p.params)
    .flatMap((v): PhraseValue[] => (isPhraseList(v) ? [...v] : [v]))
    .filter((v): v is Phrase => typeof v === 'object');
  return [p.code, ...inner.flatMap(codesIn)];
}

// What may stay Latin in an Arabic note: names of formats, schemes, tags and characters, and
// what the notes quote from the file (isolated, or in quotes).
const LATIN_NAMES = /\b(?:CoNLL|BIOES|IOB1|IOB2|doccano|brat|Label Studio|JSONL|UTF-8|U\+FEFF|start end;start end|[IBES]-)/g;

describe('notes of readers, writers and the import plan', () => {
  const notes = everyNote();

  it('give every note of the catalogue', () => {
    const given = new Set(notes.flatMap(codesIn));
    const codes = new Set(Object.entries(NOTE_MESSAGES).flatMap(([area, table]) => Object.keys(table).map((k) => `${area}.${k.replace(/_(one|other)$/, '')}`)));
    // Which of a tally's forms a writer says is the same code; a document without tokens cannot also be retokenized.
    const unreachable = new Set(['conllNote.tokenSpace', 'conllNote.beforeToken', 'conllNote.afterTokens', 'conllNote.nthDocument', 'writeNote.tokens']);
    expect([...codes].filter((c) => !given.has(c) && !unreachable.has(c))).toEqual([]);
  });

  it('are phrases the interface says in Arabic, with nothing English but names and what they quote', () => {
    expect(notes.length).toBeGreaterThan(30);
    followPrefs({ language: 'ar', digits: 'arab' });
    try {
      for (const n of notes) {
        const said = sayPhrase(n);
        expect(said, englishOf(n)).toMatch(/[\u0621-\u064a]/);
        const bare = said
          .replace(/\u2068[^\u2069]*\u2069/g, '')
          .replace(/"[^"]*"/g, '')
          .replace(LATIN_NAMES, '');
        expect(bare, englishOf(n)).not.toMatch(/\{\{|[0-9]|[A-Za-z]{2,}/);
      }
    } finally {
      followPrefs({ language: 'en', digits: 'latn' });
    }
  });

  it('say in the English interface what the command line prints', () => {
    for (const n of notes) expect(sayPhrase(n)).toBe(englishOf(n));
  });
});
