import { describe, expect, it } from 'vitest';
import { flatLayer } from '../../../../shared/suggest/flatLayer';
import type { TrainingSpan } from '../../../../shared/suggest/recommender';
import { spanScores } from '../../../../shared/suggest/spanScores';
import { sequenceTagger, trainTagger } from '../../../../shared/suggest/tagger/sequenceTagger';
import { SUGGEST_LABELS, suggestFixture } from '../../../support/suggestFixtures';

const gold = suggestFixture('gold');
const heldOut = suggestFixture('input');

describe('sequenceTagger', () => {
  const model = sequenceTagger.train(gold, SUGGEST_LABELS);

  it('learns: on held-out sentences it finds most names, far better than chance', () => {
    const scores = spanScores(heldOut.map((d) => ({ suggested: sequenceTagger.suggest(model, d.text), gold: d.spans })));
    expect(scores.micro.f1).toBeGreaterThan(0.8);
    // Chance: as many spans of random labels over random word ranges would match almost none.
    expect(scores.micro.correct).toBeGreaterThan(heldOut.reduce((n, d) => n + d.spans.length, 0) * 0.8);
  });

  it('predicts a span that starts after a clitic inside a word', () => {
    const text = 'وردت القوات الأميركية بالمسيّرات والصواريخ على الميادين.';
    const found = sequenceTagger.suggest(model, text).map((s) => [text.slice(s.start, s.end), s.label]);
    expect(found).toContainEqual(['الصواريخ', 'weapon']);
    expect(found).toContainEqual(['القوات الأميركية', 'actor']);
  });

  it('knows names no annotation taught it: a country, and a person by a given name', () => {
    // A few sentences more with places and people; none of them is بلجيكا or غسان.
    const more = [
      ['وصل الوزير إلى سوريا أمس.', ['سوريا', 'place']],
      ['عاد الوفد من العراق بعد محادثات.', ['العراق', 'place']],
      ['تستضيف مصر القمة المقبلة.', ['مصر', 'place']],
      ['أعلنت تركيا إغلاق حدودها.', ['تركيا', 'place']],
      ['زار وفد من اليابان المنطقة.', ['اليابان', 'place']],
      // Names that begin with a letter that is also a proclitic (ب, ل) are pieces of their own too.
      ['قصفت الطائرات مواقع قرب بغداد.', ['بغداد', 'place']],
      ['غادر السفير إلى لندن صباحا.', ['لندن', 'place']],
      ['قال محمد العلي إن الاجتماع انتهى.', ['محمد العلي', 'actor']],
      ['أكد أحمد الزعبي أن الهدنة صامدة.', ['أحمد الزعبي', 'actor']],
      ['صرّح سمير القاسم للصحفيين.', ['سمير القاسم', 'actor']],
      ['نفى خالد الحسن الأنباء.', ['خالد الحسن', 'actor']],
      ['التقى يوسف النعيمي بالسفير.', ['يوسف النعيمي', 'actor']],
    ] as const;
    const documents = more.map(([text, [name, label]]) => {
      const start = text.indexOf(name) as TrainingSpan['start'];
      return { text, spans: [{ start, end: (start + name.length) as TrainingSpan['end'], label }] };
    });
    const m = sequenceTagger.train([...gold, ...documents], SUGGEST_LABELS);
    const text = 'وقال المتحدث غسان الخطيب إن وفدا وصل من بلجيكا.';
    const found = sequenceTagger.suggest(m, text).map((s) => [text.slice(s.start, s.end), s.label]);
    expect(found).toContainEqual(['بلجيكا', 'place']);
    expect(found).toContainEqual(['غسان الخطيب', 'actor']);
  });

  it('learns from what is there to learn: nested gold is flattened, other labels ignored', () => {
    const nested = gold.map((d) => ({ ...d, spans: [...d.spans, { start: d.spans[0]!.start, end: d.spans[0]!.end, label: 'claim' }] }));
    const m = sequenceTagger.train(nested, SUGGEST_LABELS);
    expect(m.labels).toEqual(SUGGEST_LABELS);
    expect(sequenceTagger.suggest(m, heldOut[0]!.text).map((s) => s.label)).not.toContain('claim');
    expect(flatLayer(nested[0]!.spans)).toHaveLength(gold[0]!.spans.length);
  });

  it('is deterministic given its seed, and its model is plain data that survives JSON', () => {
    const again = sequenceTagger.train(gold, SUGGEST_LABELS);
    expect(again).toEqual(model);
    const revived = JSON.parse(JSON.stringify(model)) as typeof model;
    for (const d of heldOut) expect(sequenceTagger.suggest(revived, d.text)).toEqual(sequenceTagger.suggest(model, d.text));
    // Another seed shuffles differently: still a model of the same shape.
    expect(Object.keys(trainTagger(gold, SUGGEST_LABELS, { seed: 2 }).weights).length).toBeGreaterThan(0);
  });

  it('suggests nothing when it has no labels or the text no words', () => {
    expect(sequenceTagger.suggest(sequenceTagger.train(gold, []), heldOut[0]!.text)).toEqual([]);
    expect(sequenceTagger.suggest(model, '')).toEqual([]);
    expect(sequenceTagger.suggest(model, ' \n ')).toEqual([]);
  });
});
