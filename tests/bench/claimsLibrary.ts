import type { DocumentRecord, DocumentText } from '../../shared/model/document';
import { STANCES, type Span } from '../../shared/model/span';
import { utf16 } from '../../shared/text/units';

/** Outlets and sources the synthetic library attributes claims to: a few of each dominate, as in the news. */
const OUTLETS = [
  'المدن',
  'سوريا 24',
  'عنب بلدي',
  'الجزيرة',
  'العربية',
  'روسيا اليوم',
  'فرات بوست',
  'دير الزور 24',
  'الشرق الأوسط',
  'سانا',
  'رويترز',
  'نهر ميديا',
];
const SOURCES = [
  'مصادر محلية',
  'المرصد السوري لحقوق الإنسان',
  'القوات الأميركية',
  'التحالف الدولي',
  'الميليشيات الإيرانية',
  'قوات سوريا الديمقراطية',
  'ناشطون',
  'وزارة الدفاع الروسية',
  'القيادة المركزية الأميركية',
  'الحرس الثوري',
  'شبكة فرات بوست',
  'مصدر عسكري',
];

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A library for the claims figures: `docs` documents, each of `claimsPerDoc` sentences
 * "قال SOURCE إن CLAIM." where CLAIM is a stretch of the source texts (the seed articles when
 * the corpora are there), with an actor span over the source, a claim span linked to it with a
 * stance, and the document's outlet and date in its metadata.
 */
export function claimsLibrary(sources: readonly string[], docs: number, claimsPerDoc: number, annotator: string) {
  const next = random(15);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() ** 1.6 * list.length)]!;
  const words = sources.join(' ').split(/\s+/).filter(Boolean);
  const documents: DocumentRecord[] = [];
  const texts: DocumentText[] = [];
  const spans: Span[] = [];
  for (let d = 0; d < docs; d++) {
    const id = `bench-claims-${d}`;
    let text = '';
    const docSpans: Span[] = [];
    for (let c = 0; c < claimsPerDoc; c++) {
      const source = pick(SOURCES);
      const at = Math.floor(next() * (words.length - 20));
      const claim = words.slice(at, at + 6 + Math.floor(next() * 12)).join(' ');
      text += 'قال ';
      const sourceStart = text.length;
      text += source;
      const sourceId = `${id}-a${c}`;
      const base = { docId: id, annotator, createdAt: 1, updatedAt: 1, version: 1 };
      docSpans.push({ ...base, id: sourceId, start: utf16(sourceStart), end: utf16(text.length), label: 'actor' });
      text += ' إن ';
      const claimStart = text.length;
      text += claim;
      docSpans.push({
        ...base,
        id: `${id}-c${c}`,
        start: utf16(claimStart),
        end: utf16(text.length),
        label: 'claim',
        sourceId,
        stance: STANCES[Math.floor(next() * 3)]!,
      });
      text += '. ';
    }
    const day = 1 + (d % 28);
    documents.push({
      id,
      title: `تقرير ${d + 1}`,
      source: `bench-${d}.txt`,
      textSha256: id,
      length: text.length,
      spanCount: docSpans.length,
      createdAt: d,
      updatedAt: d,
      version: 1,
      meta: { outlet: pick(OUTLETS), published: `2024-0${1 + (d % 9)}-${String(day).padStart(2, '0')}` },
    });
    texts.push({ docId: id, text });
    spans.push(...docSpans);
  }
  return { documents, texts, spans };
}
