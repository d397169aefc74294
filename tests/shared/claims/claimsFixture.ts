import type { ClaimDocument, ClaimSpan } from '../../../shared/claims/claimRow';
import type { Entity } from '../../../shared/model/entity';
import type { Stance } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';

/** Two outlets' reports of the attack on the Conoco base, with claims, sources, stances and entities. */
const AL_MODON =
  'ردّت القوات الأميركية في قاعدة "كونيكو" بهجوم مدفعي. وقالت مصادر محلية إن الميلشيات الإيرانية استهدفت القاعدة بواسطة الصواريخ. ونفى التحالف الدولي وقوع إصابات في صفوف قواته.';
export const SY24 =
  'أفاد المرصد السوري لحقوق الإنسان بأن طائرة مسيّرة 🛩 سقطت قرب حقل كونيكو. وقالت مصادر محلية إن الميلشيات الإيرانية قصفت القاعدة. ونقلت وكالة عن القوات الأميركية أن الهجوم لم يسفر عن إصابات.';

export const ENTITIES: Entity[] = [
  { id: 'e-militia', name: 'الميليشيات الإيرانية', otherNames: ['Iranian militias'], type: 'actor', createdAt: 1, updatedAt: 1, version: 1 },
  { id: 'e-us', name: 'القوات الأميركية', otherNames: ['US forces', 'القوات الأمريكية'], type: 'actor', createdAt: 1, updatedAt: 1, version: 1 },
  { id: 'e-conoco', name: 'حقل كونيكو', otherNames: ['Conoco field'], type: 'place', createdAt: 1, updatedAt: 1, version: 1, identifier: 'Q-conoco' },
];

/** A span over the nth occurrence of `phrase`. */
function spanOver(text: string, phrase: string, id: string, label: string, extra: Partial<ClaimSpan> = {}, nth = 0): ClaimSpan {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(phrase, at + 1);
  if (at < 0) throw new Error(`"${phrase}" is not in the text`);
  return { id, start: utf16(at), end: utf16(at + phrase.length), label, ...extra };
}

const claim = (text: string, phrase: string, id: string, sourceId: string | undefined, stance: Stance | undefined, extra: Partial<ClaimSpan> = {}) =>
  spanOver(text, phrase, id, 'claim', { ...(sourceId ? { sourceId } : {}), ...(stance ? { stance } : {}), ...extra });

export const DOCUMENTS: ClaimDocument[] = [
  {
    id: 'modon-1',
    title: 'هجومان متزامنان على كونيكو',
    text: AL_MODON,
    meta: { outlet: 'المدن', published: '2024-08-05' },
    spans: [
      spanOver(AL_MODON, 'مصادر محلية', 'm-src', 'actor'),
      spanOver(AL_MODON, 'الميلشيات الإيرانية', 'm-mil', 'actor', { entityId: 'e-militia' }),
      spanOver(AL_MODON, 'الصواريخ', 'm-rockets', 'weapon'),
      spanOver(AL_MODON, 'التحالف الدولي', 'm-coal', 'actor'),
      claim(AL_MODON, 'الميلشيات الإيرانية استهدفت القاعدة بواسطة الصواريخ', 'm-c1', 'm-src', 'asserted', { targetIds: ['m-rockets'] }),
      claim(AL_MODON, 'وقوع إصابات في صفوف قواته', 'm-c2', 'm-coal', 'denied'),
    ],
  },
  {
    id: 'sy24-1',
    title: 'مسيّرة تسقط قرب كونيكو',
    text: SY24,
    meta: { outlet: 'سوريا 24', published: '2024-08-06' },
    spans: [
      spanOver(SY24, 'المرصد السوري لحقوق الإنسان', 's-obs', 'actor'),
      spanOver(SY24, 'حقل كونيكو', 's-conoco', 'place', { entityId: 'e-conoco' }),
      spanOver(SY24, 'مصادر محلية', 's-src', 'actor'),
      spanOver(SY24, 'الميلشيات الإيرانية', 's-mil', 'actor', { entityId: 'e-militia' }),
      spanOver(SY24, 'القوات الأميركية', 's-us', 'actor', { entityId: 'e-us' }),
      claim(SY24, 'طائرة مسيّرة 🛩 سقطت قرب حقل كونيكو', 's-c1', 's-obs', 'reported'),
      claim(SY24, 'الميلشيات الإيرانية قصفت القاعدة', 's-c2', 's-src', 'asserted'),
      claim(SY24, 'الهجوم لم يسفر عن إصابات', 's-c3', 's-us', 'denied'),
      claim(SY24, 'سقطت قرب', 's-c4', undefined, undefined),
    ],
  },
];

const cp = (text: string, utf16Offset: number) => Array.from(text.slice(0, utf16Offset)).length;

/**
 * The documents as Hashiya's JSON Lines: `meta` with id, title, outlet and published, spans
 * in code points with their ids and stances, a claim's source and targets as relations;
 * `annotator` names the layer.
 */
export function claimsJsonl(documents: readonly ClaimDocument[], annotator?: string): string {
  return documents
    .map((d) =>
      JSON.stringify({
        text: d.text,
        meta: {
          id: d.id,
          title: d.title,
          ...(annotator ? { annotator } : {}),
          ...(d.meta?.outlet ? { outlet: d.meta.outlet } : {}),
          ...(d.meta?.published ? { published: d.meta.published } : {}),
        },
        spans: d.spans.map((s) => ({
          id: s.id,
          start: cp(d.text, s.start),
          end: cp(d.text, s.end),
          label: s.label,
          text: d.text.slice(s.start, s.end),
          ...(s.stance ? { attrs: { stance: s.stance } } : {}),
        })),
        relations: d.spans.flatMap((s) => [
          ...(s.sourceId ? [{ head_id: s.id, child_id: s.sourceId, label: 'source' }] : []),
          ...(s.targetIds ?? []).map((t) => ({ head_id: s.id, child_id: t, label: 'about' })),
        ]),
      }),
    )
    .join('\n')
    .concat('\n');
}
