/** A label analysts tag spans with. */
export interface LabelDef {
  /** The name stored on spans and written to exports. */
  readonly name: string;
  /** The digit key that applies it (physical key Digit1..Digit9). */
  readonly key: string;
  /** CSS colour of its highlight. */
  readonly color: string;
  readonly title: { readonly en: string; readonly ar: string };
}

/** The four labels every project starts with. */
export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'actor', key: '1', color: '#1f77b4', title: { en: 'Actor', ar: 'فاعل' } },
  { name: 'place', key: '2', color: '#2ca02c', title: { en: 'Place', ar: 'مكان' } },
  { name: 'weapon', key: '3', color: '#d62728', title: { en: 'Weapon', ar: 'سلاح' } },
  { name: 'claim', key: '4', color: '#9467bd', title: { en: 'Claim', ar: 'ادعاء' } },
];
