/**
 * What a label's spans are to the app: `entity` spans (actors, places, weapons…) are what
 * claims are about and what makes them; a `claim` span is a statement linked to its source
 * (an entity span) with a stance. Features key on the role, never on a label's name.
 */
export type LabelRole = 'entity' | 'claim';

/** Every role, in the order the label editor offers them. */
export const LABEL_ROLES: readonly LabelRole[] = ['entity', 'claim'];

/** A label analysts tag spans with. */
export interface LabelDef {
  /** The name stored on spans and written to exports. */
  readonly name: string;
  /** What its spans are: see {@link LabelRole}. */
  readonly role: LabelRole;
  /** The digit key that applies it (physical key Digit1..Digit9). */
  readonly key: string;
  /** CSS colour of its highlight. */
  readonly color: string;
  readonly title: { readonly en: string; readonly ar: string };
  /** What belongs under the label, shown in the legend and on hover. */
  readonly guideline: { readonly en: string; readonly ar: string };
}

/** The four labels every project starts with. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  {
    name: 'actor',
    role: 'entity',
    key: '1',
    color: '#1f77b4',
    title: { en: 'Actor', ar: 'فاعل' },
    guideline: {
      en: 'A person, force, militia, state, organisation or outlet that acts or speaks, e.g. القوات الأميركية, المرصد السوري لحقوق الإنسان. Tag the whole name, without a leading و or ب.',
      ar: 'شخص أو قوة أو ميليشيا أو دولة أو منظمة أو وسيلة إعلام تفعل أو تقول، مثل القوات الأميركية والمرصد السوري لحقوق الإنسان. ظلّل الاسم كاملاً دون الواو أو الباء في أوله.',
    },
  },
  {
    name: 'place',
    role: 'entity',
    key: '2',
    color: '#2ca02c',
    title: { en: 'Place', ar: 'مكان' },
    guideline: {
      en: 'A named place: town, region, base, field or airport, e.g. ريف ديرالزور الشرقي, حقل كونيكو. Include the generic word when it is part of the name (قاعدة, حقل, مطار).',
      ar: 'مكان مسمّى: بلدة أو منطقة أو قاعدة أو حقل أو مطار، مثل ريف ديرالزور الشرقي وحقل كونيكو. أدخل الكلمة العامة إن كانت جزءاً من الاسم (قاعدة، حقل، مطار).',
    },
  },
  {
    name: 'weapon',
    role: 'entity',
    key: '3',
    color: '#d62728',
    title: { en: 'Weapon', ar: 'سلاح' },
    guideline: {
      en: 'A weapon or means of attack: rockets, drones, artillery, air strikes, e.g. الطائرات المسيّرة, الصواريخ, قصف مدفعي.',
      ar: 'سلاح أو وسيلة هجوم: صواريخ أو طائرات مسيّرة أو مدفعية أو غارات، مثل الطائرات المسيّرة والصواريخ والقصف المدفعي.',
    },
  },
  {
    name: 'claim',
    role: 'claim',
    key: '4',
    color: '#9467bd',
    title: { en: 'Claim', ar: 'ادعاء' },
    guideline: {
      en: 'A statement the article attributes to a source, from the reported content to its end; link it to the actor that makes it and give its stance (asserted, denied, reported).',
      ar: 'قول ينسبه الخبر إلى مصدر، من بداية مضمونه إلى نهايته؛ اربطه بالفاعل القائل وحدّد موقفه (مؤكَّد، منفيّ، منقول).',
    },
  },
];

/** The names of the labels with role `role`. */
export function labelsWithRole(labels: readonly LabelDef[], role: LabelRole): Set<string> {
  return new Set(labels.filter((l) => l.role === role).map((l) => l.name));
}

/** The role of the label named `name` in `labels`, or undefined when the set has no such label. */
export function roleOf(labels: readonly LabelDef[], name: string): LabelRole | undefined {
  return labels.find((l) => l.name === name)?.role;
}
