import { englishOf } from '../../../shared/i18n/englishOf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExchangeDocument, InputFile } from '../../../shared/formats/exchange';
import { labelStudioFormat } from '../../../shared/formats/labelstudio';
import { sha256Hex } from '../../../shared/text/sha256';
import { utf16 } from '../../../shared/text/units';
import { fixtureArticle } from '../../support/fixtures';
import { cpOf, exchangeDocArb, lineOfText, occurrences, pySlice, sortedSpans, withoutPlace } from '../support/exchange';
import { stringMatching } from '../../support/matchers';

const file = (text: string, name = 'project-1.json'): InputFile[] => [{ name, text }];
const serialize = (docs: readonly ExchangeDocument[]) => labelStudioFormat.serialize(docs).files[0]!.text;
/** A Label Studio task as a file holds it (the fields these tests read; they check the values). */
interface Task {
  readonly id?: number | string;
  readonly data: { readonly text: string };
  readonly meta?: Readonly<Record<string, unknown>>;
  readonly annotations: readonly { readonly completed_by: unknown; readonly result: readonly TaskResult[] }[];
}
type TaskResult =
  | { readonly type: 'labels'; readonly value: { readonly start: number; readonly end: number; readonly text: string } }
  | { readonly type: 'choices' | 'relation' };
const tasksOf = (json: string) => JSON.parse(json) as Task[];

const covered = (d: ExchangeDocument) => d.spans.map((s) => [d.text.slice(s.start, s.end), s.label, ...(s.stance ? [s.stance] : [])]);

const T1 = '🚀 وقال المرصد السوري لحقوق الإنسان إن طائرات مسيّرة استهدفت حقل كونيكو في ريف ديرالزور الشرقي 👍🏽.';
const T2 = 'عاجل 🇸🇾: قصفت القوات الأميركية مواقع في البوكمال.\nوأكدت مصادر محلية سقوط قتلى.';

// As Label Studio 1.x exports a project ("JSON" export): offsets in code points, so the
// rocket counts one; the second annotation's user is an object, as in some exports.
const EXPORT = `[
  {
    "id": 41,
    "annotations": [
      {
        "id": 7,
        "completed_by": 1,
        "result": [
          {
            "value": { "start": 7, "end": 34, "text": "المرصد السوري لحقوق الإنسان", "labels": ["actor"] },
            "id": "Xk2-aQ9fLm",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "origin": "manual"
          },
          {
            "value": { "start": 35, "end": 70, "text": "إن طائرات مسيّرة استهدفت حقل كونيكو", "labels": ["claim"] },
            "id": "p0Lr7tQzZa",
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "origin": "manual"
          },
          {
            "value": { "start": 35, "end": 70, "text": "إن طائرات مسيّرة استهدفت حقل كونيكو", "choices": ["reported"] },
            "id": "p0Lr7tQzZa",
            "from_name": "stance",
            "to_name": "text",
            "type": "choices",
            "origin": "manual"
          },
          {
            "from_id": "p0Lr7tQzZa",
            "to_id": "Xk2-aQ9fLm",
            "type": "relation",
            "direction": "right",
            "labels": ["source"]
          },
          {
            "value": { "text": ["تحقق لاحقاً"] },
            "id": "nOtE12",
            "from_name": "notes",
            "to_name": "text",
            "type": "textarea",
            "origin": "manual"
          }
        ],
        "was_cancelled": false,
        "ground_truth": false,
        "created_at": "2024-05-02T09:14:31.162941Z",
        "updated_at": "2024-05-02T09:16:02.004118Z",
        "lead_time": 88.3,
        "prediction": {},
        "result_count": 0,
        "task": 41,
        "project": 3,
        "parent_prediction": null,
        "parent_annotation": null
      },
      {
        "id": 9,
        "completed_by": { "id": 2, "first_name": "", "last_name": "", "email": "omar@example.org" },
        "result": [
          {
            "value": { "start": 74, "end": 93, "text": "ريف ديرالزور الشرقي", "labels": ["place"] },
            "id": "Qw3rTy",
            "from_name": "label",
            "to_name": "text",
            "type": "labels"
          },
          {
            "value": { "start": 78, "end": 86, "text": "ديرالزور", "labels": ["place", "actor"] },
            "id": "As4dFg",
            "from_name": "label",
            "to_name": "text",
            "type": "labels"
          }
        ],
        "was_cancelled": false,
        "lead_time": 12.5,
        "task": 41
      }
    ],
    "file_upload": "4f2a-news.json",
    "drafts": [],
    "predictions": [{ "id": 1, "model_version": "ner-v1", "result": [] }],
    "data": { "text": "${T1}" },
    "meta": {},
    "created_at": "2024-05-02T09:10:00.000000Z",
    "updated_at": "2024-05-02T09:16:02.030000Z",
    "inner_id": 1,
    "total_annotations": 2,
    "cancelled_annotations": 0,
    "total_predictions": 1,
    "project": 3,
    "updated_by": 2
  },
  {
    "id": 42,
    "annotations": [],
    "predictions": [],
    "data": { "text": ${JSON.stringify(T2)} },
    "meta": {}
  },
  {
    "id": 43,
    "annotations": [{ "id": 11, "completed_by": 1, "result": [], "was_cancelled": true }],
    "data": { "text": "خبر تُرك دون وسوم" }
  }
]
`;

describe('Label Studio: a hand-written export', () => {
  it('reads one document per annotation, with its annotator, spans in code points, stance and relations', () => {
    const { documents, problems, rejected, notes } = labelStudioFormat.parse(file(EXPORT));
    expect(problems).toMatchObject([]);
    expect(rejected).toEqual([]);
    expect(documents.map((d) => [d.id, d.annotator, d.line, d.source])).toEqual([
      ['41', '1', 2, 'project-1.json:2'],
      ['41', 'omar@example.org', 2, 'project-1.json:2'],
      ['42', undefined, lineOfText(EXPORT, '"id": 42') - 1, `project-1.json:${lineOfText(EXPORT, '"id": 42') - 1}`],
      ['43', undefined, lineOfText(EXPORT, '"id": 43') - 1, `project-1.json:${lineOfText(EXPORT, '"id": 43') - 1}`],
    ]);
    const [rania, omar, noAnnotations, cancelled] = documents as [ExchangeDocument, ExchangeDocument, ExchangeDocument, ExchangeDocument];
    expect(rania.text).toBe(T1);
    expect(covered(rania)).toEqual([
      ['المرصد السوري لحقوق الإنسان', 'actor'],
      ['إن طائرات مسيّرة استهدفت حقل كونيكو', 'claim', 'reported'],
    ]);
    expect(rania.spans[0]).toEqual({ id: 'Xk2-aQ9fLm', start: 8, end: 35, label: 'actor' }); // UTF-16: one more after the rocket
    expect(rania.relations).toEqual([{ head: 'p0Lr7tQzZa', child: 'Xk2-aQ9fLm', label: 'source' }]);
    expect(covered(omar)).toEqual([
      ['ريف ديرالزور الشرقي', 'place'],
      ['ديرالزور', 'place'],
      ['ديرالزور', 'actor'],
    ]);
    expect(omar.spans.map((s) => s.id)).toEqual(['Qw3rTy', 'As4dFg', 'As4dFg#actor']);
    expect(noAnnotations).toMatchObject({ text: T2, spans: [], relations: [] });
    expect(cancelled).toMatchObject({ text: 'خبر تُرك دون وسوم', spans: [] });
    expect(notes.map(englishOf).sort()).toEqual([
      '1 cancelled (skipped) annotation(s) were not read',
      '1 prediction(s) were not read',
      '1 result(s) of type "textarea" were not read',
    ]);
  });

  it('reads a single task object too', () => {
    const task = JSON.stringify({
      id: 5,
      data: { text: T2 },
      annotations: [
        { completed_by: 3, result: [{ value: { start: 40, end: 48, labels: ['place'] }, id: 'a', from_name: 'label', to_name: 'text', type: 'labels' }] },
      ],
    });
    const { documents, problems } = labelStudioFormat.parse(file(task));
    expect(problems).toMatchObject([]);
    expect(covered(documents[0]!)).toEqual([['البوكمال', 'place']]);
  });

  it('writes it back as tasks with one annotation per annotator, and reads that back the same', () => {
    const first = labelStudioFormat.parse(file(EXPORT)).documents;
    const s = serialize(first);
    const tasks = tasksOf(s);
    expect(tasks).toHaveLength(3);
    expect(tasks[0]!.id).toBe(41);
    expect(tasks[0]!.data).toEqual({ text: T1 });
    expect(tasks[0]!.annotations.map((a) => a.completed_by)).toEqual([1, { email: 'omar@example.org' }]);
    expect(tasks[0]!.annotations[0]!.result).toEqual([
      {
        value: { start: 7, end: 34, text: 'المرصد السوري لحقوق الإنسان', labels: ['actor'] },
        id: 'Xk2-aQ9fLm',
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
      },
      {
        value: { start: 35, end: 70, text: 'إن طائرات مسيّرة استهدفت حقل كونيكو', labels: ['claim'] },
        id: 'p0Lr7tQzZa',
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
      },
      {
        value: { start: 35, end: 70, text: 'إن طائرات مسيّرة استهدفت حقل كونيكو', choices: ['reported'] },
        id: 'p0Lr7tQzZa',
        from_name: 'stance',
        to_name: 'text',
        type: 'choices',
      },
      { from_id: 'p0Lr7tQzZa', to_id: 'Xk2-aQ9fLm', type: 'relation', direction: 'right', labels: ['source'] },
    ]);
    const again = labelStudioFormat.parse(file(s, 'again.json'));
    expect(again.problems).toMatchObject([]);
    // Reading again adds the SHA-256 that was written and gives spans in writing order.
    expect(again.documents.map(withoutPlace)).toEqual(first.map((d) => ({ ...withoutPlace(d), textSha256: sha256Hex(d.text), spans: sortedSpans(d.spans) })));
    expect(serialize(again.documents)).toBe(s);
  });
});

/** Documents shaped as Label Studio holds them: per task, one document per annotator, spans without their own annotator. */
const taskDocs = fc
  .array(
    fc.tuple(
      exchangeDocArb({ ids: 'mixed', stance: true, relations: 'array' }),
      fc.array(exchangeDocArb({ ids: 'mixed', stance: true, relations: 'array' }), { maxLength: 2 }),
      fc.uniqueArray(fc.constantFrom('rania', 'omar@example.org', '12', 'محلل'), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((tasks) =>
    tasks.flatMap(([main, others, annotators, firstAnonymous], k) => {
      const base = { text: main.text, id: `${main.id}-${k}`, title: main.title, source: main.source };
      return [main, ...others].map((d, j): ExchangeDocument => {
        // spans and relations only make sense on the task's text: keep those that fit it
        const spans = d.spans.filter((s) => s.end <= main.text.length && [...main.text.slice(0, s.start)].join('').length === s.start);
        const valid = (o: number) => o === main.text.length || (o < main.text.length && !/[\udc00-\udfff]/.test(main.text[o]!));
        const fitting = spans.filter((s) => valid(s.start) && valid(s.end));
        const ids = new Set(fitting.map((s) => s.id));
        return {
          ...base,
          ...(j === 0 && firstAnonymous ? {} : { annotator: annotators[j]! }),
          spans: fitting.map(({ annotator: _a, ...s }) => s),
          relations: (d.relations ?? []).filter((r) => ids.has(r.head) && ids.has(r.child)),
        };
      });
    }),
  );

describe('Label Studio: round trips (property)', () => {
  it('serialize then parse gives the same documents and spans; serialize(parse(s)) === s', () => {
    fc.assert(
      fc.property(taskDocs, (docs) => {
        const s = serialize(docs);
        expect(s).not.toMatch(/[\u0085\u2028\u2029]/);
        const tasks = tasksOf(s);
        // offsets in code points: the region text is Python's text[start:end]
        for (const t of tasks) {
          for (const a of t.annotations) {
            for (const r of a.result) if (r.type === 'labels') expect(pySlice(t.data.text, r.value.start, r.value.end)).toBe(r.value.text);
          }
        }
        // Every task has an integer id of its own, as the SDK's converter reads task["id"].
        expect(tasks.every((t) => Number.isSafeInteger(t.id))).toBe(true);
        expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
        const parsed = labelStudioFormat.parse(file(s));
        expect(parsed.problems).toMatchObject([]);
        // Spans without an id get hashiya-<n> region ids: compare those as "generated".
        const withIds = ({ labelStudio: _ls, ...d }: ExchangeDocument) => ({
          ...withoutPlace(d),
          textSha256: sha256Hex(d.text),
          spans: sortedSpans(d.spans.map((sp) => ({ ...sp, id: sp.id?.startsWith('hashiya-') ? 'generated' : sp.id }))),
        });
        const expectedDocs = docs.map((d) => ({
          ...d,
          textSha256: sha256Hex(d.text),
          spans: sortedSpans(d.spans.map((sp) => ({ ...sp, id: sp.id ?? 'generated' }))),
        }));
        expect(parsed.documents.map(withIds)).toEqual(expectedDocs);
        // Each document knows its task, and a document whose id was a plain integer kept it as the task id.
        const taskIds = new Set(tasks.map((t) => t.id));
        for (const [k, d] of parsed.documents.entries()) {
          expect(taskIds.has(d.labelStudio!.taskId)).toBe(true);
          if (docs[k]!.id !== undefined && /^(0|[1-9][0-9]{0,14})$/.test(docs[k]!.id)) expect(d.labelStudio!.taskId).toBe(Number(docs[k]!.id));
        }
        expect(serialize(parsed.documents)).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it('parse(serialize(parse(x))) is stable on a real article annotated by two people', () => {
    const text = '🚀 ' + fixtureArticle('weekly-digest').text;
    const region = (phrase: string, label: string, k = 0) => {
      const [a, b] = occurrences(text, phrase)[k]!;
      return {
        value: { start: cpOf(text, a), end: cpOf(text, b), text: phrase, labels: [label] },
        id: `${label}-${a}`,
        from_name: 'label',
        to_name: 'text',
        type: 'labels',
      };
    };
    const exported = JSON.stringify([
      {
        id: 1,
        data: { text },
        annotations: [
          { completed_by: 1, result: [region('قوات التحالف', 'actor'), region('دير الزور', 'place'), region('حقل كونيكو', 'place')] },
          { completed_by: 2, result: [region('قوات التحالف', 'actor', 1), region('الميليشيات الإيرانية', 'actor')] },
        ],
      },
    ]);
    const first = labelStudioFormat.parse(file(exported));
    expect(first.problems).toMatchObject([]);
    expect(first.documents.map((d) => d.annotator)).toEqual(['1', '2']);
    const s1 = serialize(first.documents);
    const second = labelStudioFormat.parse(file(s1));
    expect(second.documents.map((d) => d.labelStudio)).toEqual([
      { taskId: 1, fromName: 'label', toName: 'text' },
      { taskId: 1, fromName: 'label', toName: 'text' },
    ]);
    expect(second.documents.map(withoutPlace)).toEqual(
      first.documents.map((d) => ({ ...withoutPlace(d), textSha256: sha256Hex(text), spans: sortedSpans(d.spans) })),
    );
    expect(serialize(second.documents)).toBe(s1);
  });
});

describe('Label Studio: problems, by line', () => {
  const task = (id: number, results: unknown[], extra: Record<string, unknown> = {}) => ({
    id,
    data: { text: T1 },
    annotations: [
      {
        completed_by: 1,
        result: [
          {
            value: { start: 7, end: 34, text: 'المرصد السوري لحقوق الإنسان', labels: ['actor'] },
            id: 'ok',
            from_name: 'label',
            to_name: 'text',
            type: 'labels',
          },
        ],
      },
      { completed_by: 2, result: results },
    ],
    ...extra,
  });
  const region = (value: Record<string, unknown>, rest: Record<string, unknown> = {}) => ({
    value: { start: 60, end: 70, labels: ['place'], ...value },
    id: 'bad',
    from_name: 'label',
    to_name: 'text',
    type: 'labels',
    ...rest,
  });
  const cases: [string, unknown, RegExp][] = [
    ['offsets that are not integers', region({ start: 60.5 }), /"value\.start" and "value\.end" must be integers/],
    ['offsets past the code points (UTF-16 counting)', region({ end: 98 }), /offsets 60\.\.98 are outside the text \(0\.\.97 code points\)/],
    ['start equal to end', region({ start: 60, end: 60 }), /start 60 must be before end 60/],
    ['an empty label', region({ labels: [''] }), /"value\.labels" must hold at least one non-empty label/],
    ['no labels', region({ labels: [] }), /at least one non-empty label/],
    ['a label with an unpaired surrogate', region({ labels: ['place', '\ud800'] }), /a label in "value\.labels" holds an unpaired surrogate \(U\+D800\)/],
    ['region text that does not match', region({ start: 61, end: 71, text: 'حقل كونيكو' }), /"text" "حقل كونيكو" does not match the text at 61\.\.71/],
    [
      'a relation to a missing region',
      { from_id: 'bad', to_id: 'nowhere', type: 'relation', direction: 'right', labels: ['source'] },
      /"from_id" "bad" is not a region of this annotation/,
    ],
    ['a relation without labels', { from_id: 'x', to_id: 'x', type: 'relation', labels: [] }, /is not a region|needs "labels"/],
    ['a stance that is not one', region({}, { id: 'ok2' }), /./],
  ];
  // The stance case: a region and a per-region choice with an unknown stance.
  cases[cases.length - 1] = [
    'a stance that is not one',
    { value: { start: 60, end: 70, choices: ['maybe'] }, id: 'st', from_name: 'stance', to_name: 'text', type: 'choices' },
    /./,
  ];

  it.each(cases.slice(0, -1))('rejects %s at the line of the result; the other annotation of the task still reads', (_what, bad, message) => {
    const content = JSON.stringify([task(1, []), task(2, [bad])], null, 2);
    const result = labelStudioFormat.parse(file(content, 'ls.json'));
    expect(result.problems).toHaveLength(1);
    const badAt = content.indexOf('"result"', content.indexOf('"completed_by": 2', content.indexOf('"id": 2')));
    const resultLine = content.slice(0, content.indexOf('{', content.indexOf('[', badAt))).split('\n').length;
    expect(result.problems[0]).toMatchObject({ file: 'ls.json', line: resultLine });
    expect(result.problems[0]!.message).toMatch(/^task 2, annotation 2: result 1: /);
    expect(result.problems[0]!.message).toMatch(message);
    // task 1's two annotations and task 2's good one
    expect(result.documents.map((d) => [d.id, d.annotator])).toEqual([
      ['1', '1'],
      ['1', '2'],
      ['2', '1'],
    ]);
    // what is rejected is task 2 as written, with only the bad annotation: fix it and import it again
    expect(result.rejected).toHaveLength(1);
    const rejected = result.rejected[0]!;
    expect(rejected).toMatchObject({ file: 'ls.json', line: lineOfText(content, '"id": 2') - 1 });
    const again = JSON.parse(rejected.text) as Task;
    expect(again.id).toBe(2);
    expect(again.annotations).toEqual([{ completed_by: 2, result: [bad] }]);
  });

  it.each([
    [
      'a region that is its own source',
      { from_id: 'c', to_id: 'c', type: 'relation', direction: 'right', labels: ['source'] },
      /^task 1, annotation 2: result 3: region "c" is its own source/,
    ],
    [
      'a relation to a region of another annotation of the task',
      { from_id: 'c', to_id: 'ok', type: 'relation', labels: ['source'] },
      /^task 1, annotation 2: result 3: "to_id" "ok" is not a region of this annotation/,
    ],
    [
      'a relation label with an unpaired surrogate',
      { from_id: 'c', to_id: 'ok2', type: 'relation', labels: ['\udbff'] },
      /^task 1, annotation 2: result 3: a label in "labels" holds an unpaired surrogate \(U\+DBFF\)/,
    ],
  ])('rejects %s at the line of the relation', (_what, relation, message) => {
    const claim = region({ start: 34, end: 70, text: undefined, labels: ['claim'] }, { id: 'c' });
    const other = region({}, { id: 'ok2' });
    const content = JSON.stringify([task(1, [claim, other, relation])], null, 2);
    const result = labelStudioFormat.parse(file(content, 'ls.json'));
    expect(result.problems).toMatchObject([{ file: 'ls.json', line: lineOfText(content, '"from_id"') - 1, message: stringMatching(message) }]);
    expect(result.documents.map((d) => d.annotator)).toEqual(['1']);
  });

  it.each([
    [
      'a region whose id is the id its neighbour gives its second label',
      [region({ labels: ['actor', 'claim'] }, { id: 'a' }), region({}, { id: 'a#claim' })],
      2,
      /result 2: the span id "a#claim" is used by another region/,
    ],
    [
      'a second label whose id another region already has',
      [region({}, { id: 'a#claim' }), region({ labels: ['actor', 'claim'] }, { id: 'a' })],
      2,
      /result 2: the span id "a#claim" \(label "claim" of region "a"\) is used by another region/,
    ],
    ['a label given twice in one region', [region({ labels: ['place', 'place'] }, { id: 'b' })], 1, /result 1: "value\.labels" holds "place" more than once/],
  ])('rejects %s at the line of that result', (_what, results, k, message) => {
    const content = JSON.stringify([task(1, results)], null, 2);
    const result = labelStudioFormat.parse(file(content, 'ls.json'));
    // The result opens on the line before its "value" (which comes before its "id").
    const idAt = content.lastIndexOf(`"id": "${(results[k - 1] as { id: string }).id}"`);
    const resultLine = content.slice(0, content.lastIndexOf('"value"', idAt)).split('\n').length - 1;
    expect(result.problems).toMatchObject([{ file: 'ls.json', line: resultLine, message: stringMatching(message) }]);
  });

  it('rejects a stance that is not one of asserted, denied, reported', () => {
    const bad = [
      region({}, { id: 'st' }),
      { value: { start: 60, end: 70, choices: ['maybe'] }, id: 'st', from_name: 'stance', to_name: 'text', type: 'choices' },
    ];
    const { problems, documents } = labelStudioFormat.parse(file(JSON.stringify([task(1, bad)], null, 2)));
    expect(problems.map((p) => p.message)).toEqual(['task 1, annotation 2: result 2: a stance must be one choice of asserted, denied, reported']);
    expect(documents.map((d) => d.annotator)).toEqual(['1']);
  });

  it('rejects a whole task without text, at the task’s line; the tasks around it still read', () => {
    const content = JSON.stringify([task(1, []), { id: 2, data: { body: T1 }, annotations: [] }, task(3, [])], null, 2);
    const { problems, documents, rejected } = labelStudioFormat.parse(file(content));
    // the line of task 2's "data", where the text should be
    const dataLine = lineOfText(content, '"data"', content.indexOf('"id": 2'));
    expect(problems).toMatchObject([{ file: 'project-1.json', line: dataLine, message: 'task 2: "data.text" must be a string' }]);
    expect(documents.map((d) => d.id)).toEqual(['1', '1', '3', '3']);
    expect(JSON.parse(rejected[0]!.text)).toEqual({ id: 2, data: { body: T1 }, annotations: [] });
  });

  it('reports an empty text, and a completed_by it cannot read', () => {
    const content = JSON.stringify(
      [
        { id: 1, data: { text: '' } },
        { id: 2, data: { text: 'نص' }, annotations: [{ completed_by: [1], result: [] }] },
      ],
      null,
      2,
    );
    const { problems, documents } = labelStudioFormat.parse(file(content));
    expect(problems.map((p) => [p.line, p.message])).toEqual([
      [lineOfText(content, '"data"'), 'task 1: "data.text" is empty'],
      [lineOfText(content, '"completed_by"') - 1, 'task 2, annotation 1: "completed_by" must be a user id or an object with an "email"'],
    ]);
    expect(documents).toEqual([]);
  });

  it('reports a JSON syntax error at the line where it is', () => {
    const good = JSON.stringify([task(1, []), task(2, [])], null, 2);
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('"completed_by": 2'));
    lines[at] = lines[at]!.replace('2,', '2');
    const { problems, documents, rejected } = labelStudioFormat.parse(file(lines.join('\n')));
    expect(problems).toHaveLength(1);
    // the parser stops at the next property name, on the line after the missing comma
    expect(problems[0]!.line).toBe(at + 2);
    expect(problems[0]!.message).toMatch(/^not valid JSON: expected "," or "}" after a property/);
    expect(documents).toEqual([]);
    expect(rejected).toEqual([{ file: 'project-1.json', line: 1, text: lines.join('\n') }]);
  });

  it.each([
    ['an empty file', '  \n', 'the file is empty'],
    ['an empty array', '[]', 'the file holds no tasks (an empty array)'],
    ['a number', '42', 'a Label Studio export must be an array of tasks or one task object'],
  ])('reports %s at line 1', (_what, content, message) => {
    expect(labelStudioFormat.parse(file(content)).problems).toMatchObject([{ file: 'project-1.json', line: 1, message }]);
  });

  it('reads strings exactly as JSON.parse does (escapes, surrogate pairs, "__proto__")', () => {
    const text = 'قال \\"المرصد\\" \\u0627\\ud83d\\ude80\\n\\t/\\/';
    const content = `{"data": {"text": "${text}"}, "meta": {"__proto__": {"title": "x"}, "title": "عنوان"}, "annotations": []}`;
    const { documents, problems } = labelStudioFormat.parse(file(content));
    expect(problems).toMatchObject([]);
    expect(documents[0]!.text).toBe(JSON.parse(`"${text}"`));
    expect(documents[0]!.title).toBe('عنوان');
  });
});

describe('Label Studio: writing', () => {
  it('puts a relation whose child another annotator made aside, and notes it', () => {
    const doc: ExchangeDocument = {
      text: T1,
      id: '1',
      spans: [
        { id: 'a', start: utf16(8), end: utf16(35), label: 'actor', annotator: 'omar' },
        { id: 'c', start: utf16(36), end: utf16(71), label: 'claim', annotator: 'rania' },
      ],
      relations: [{ head: 'c', child: 'a', label: 'source' }],
    };
    const out = labelStudioFormat.serialize([doc]);
    expect(out.notes.map(englishOf)).toEqual([
      '1 relation(s) link spans of different annotators; Label Studio keeps a relation inside one annotation, so they were left out',
    ]);
    const [t] = tasksOf(out.files[0]!.text);
    expect(t!.annotations.map((a) => [a.completed_by, a.result.length])).toEqual([
      [{ email: 'omar' }, 1],
      [{ email: 'rania' }, 1],
    ]);
    expect(t!.meta).toEqual({ text_sha256: sha256Hex(T1) });
  });
});

/**
 * What the Label Studio SDK's converter (label_studio_sdk/converter/converter.py,
 * `annotation_result_from_task` and `get_data`) makes of each annotation of a task list,
 * ported line for line: it reads `task["id"]` (a KeyError without one) and keeps a result
 * only when its `from_name` is a control of the project's labeling config (`schema`).
 */
function sdkItems(tasks: readonly Record<string, unknown>[], schema: Readonly<Record<string, string>>) {
  const items: { id: unknown; output: Record<string, unknown[]> }[] = [];
  for (const task of tasks) {
    if (!('annotations' in task) && !('completions' in task)) continue;
    if (!('id' in task)) throw new Error("KeyError: 'id'");
    const annotations = (task.annotations ?? task.completions) as Record<string, unknown>[];
    if (annotations.length === 0) items.push({ id: task.id, output: {} });
    for (const a of annotations.filter((x) => !(x.skipped || x.was_cancelled))) {
      const output: Record<string, unknown[]> = {};
      for (const r of (a.result ?? []) as Record<string, unknown>[]) {
        const from = r.from_name as string | undefined;
        if (from && from in schema) (output[from] ??= []).push({ ...(r.value as object), type: schema[from] });
      }
      items.push({ id: task.id, output });
    }
  }
  return items;
}

describe('Label Studio: task ids and control names a project can take back', () => {
  // A project whose config names its controls itself: <Labels name="ner" toName="article"> over <Text name="article" value="$text"/>.
  const SCHEMA = { ner: 'labels', article: 'text' };
  const PROJECT = JSON.stringify(
    [
      {
        id: 5012,
        data: { text: T2 },
        annotations: [
          {
            completed_by: 3,
            result: [
              { value: { start: 14, end: 30, text: 'القوات الأميركية', labels: ['actor'] }, id: 'r1', from_name: 'ner', to_name: 'article', type: 'labels' },
              { value: { start: 40, end: 48, text: 'البوكمال', labels: ['place'] }, id: 'r2', from_name: 'ner', to_name: 'article', type: 'labels' },
            ],
          },
        ],
      },
    ],
    null,
    2,
  );

  it('gives every task an integer id: a .txt import (no id) and a Hashiya id that is not an integer get 1, 2, …; the SDK reads them', () => {
    const docs: ExchangeDocument[] = [
      { text: T1, title: 'a', spans: [{ start: utf16(8), end: utf16(35), label: 'actor' }] },
      { text: T2, id: 'V1StGXR8_Z5jdHi6B', spans: [] },
      { text: 'نص ثالث', id: '2', spans: [] },
    ];
    const s = serialize(docs);
    const tasks = JSON.parse(s) as Record<string, unknown>[];
    expect(tasks.map((t) => t.id)).toEqual([1, 3, 2]);
    expect(tasks.map((t) => (t.meta as Record<string, unknown>).id)).toEqual([undefined, 'V1StGXR8_Z5jdHi6B', undefined]);
    expect(sdkItems(tasks, { label: 'labels', text: 'text' }).map((i) => [i.id, i.output.label?.length ?? 0])).toEqual([
      [1, 1],
      [3, 0],
      [2, 0],
    ]);
    // Hashiya's ids come back as they were; a document without one is known by its task id, as any Label Studio task.
    expect(labelStudioFormat.parse(file(s)).documents.map((d) => d.id)).toEqual(['1', 'V1StGXR8_Z5jdHi6B', '2']);
  });

  it('keeps the task id and the control names (from_name "ner", to_name "article") through a round trip, so the project keeps every region', () => {
    const parsed = labelStudioFormat.parse(file(PROJECT));
    expect(parsed.problems).toMatchObject([]);
    expect(parsed.documents[0]!.labelStudio).toEqual({ taskId: 5012, fromName: 'ner', toName: 'article' });
    const tasks = tasksOf(serialize(parsed.documents)) as unknown as Record<string, unknown>[];
    expect(tasks[0]!.id).toBe(5012);
    const results = (tasks[0]!.annotations as { result: Record<string, unknown>[] }[])[0]!.result;
    expect(results.map((r) => [r.from_name, r.to_name])).toEqual([
      ['ner', 'article'],
      ['ner', 'article'],
    ]);
    expect(sdkItems(tasks, SCHEMA).map((i) => [i.id, i.output.ner?.length])).toEqual([[5012, 2]]);
  });

  it('gives a task id two documents claim to the first only; the other gets a new one', () => {
    const docs: ExchangeDocument[] = [
      { text: T1, labelStudio: { taskId: 7 }, spans: [] },
      { text: T2, labelStudio: { taskId: 7 }, spans: [] },
    ];
    expect(tasksOf(serialize(docs)).map((t) => t.id)).toEqual([7, 1]);
  });

  it('refuses a relation to a region of another task at its line, saying where that region is', () => {
    const tasks = JSON.parse(PROJECT) as Record<string, unknown>[];
    const other = {
      id: 5013,
      data: { text: T2 },
      annotations: [{ completed_by: 3, result: [{ from_id: 'c9', to_id: 'r1', type: 'relation', direction: 'right', labels: ['source'] }] }],
    };
    (other.annotations[0]!.result as unknown[]).unshift({
      value: { start: 14, end: 48, text: [...T2].slice(14, 48).join(''), labels: ['claim'] },
      id: 'c9',
      from_name: 'ner',
      to_name: 'article',
      type: 'labels',
    });
    const content = JSON.stringify([...tasks, other], null, 2);
    const result = labelStudioFormat.parse(file(content));
    expect(result.documents.map((d) => d.labelStudio?.taskId)).toEqual([5012]);
    expect(result.problems).toMatchObject([
      {
        file: 'project-1.json',
        line: lineOfText(content, '"from_id": "c9"') - 1,
        message:
          'task 2, annotation 1: result 2: "to_id" "r1" is not a region of this annotation (it is a region of task 1; a relation cannot reach into another task)',
      },
    ]);
  });
});
