import { phrase, type Phrase } from '../../i18n/phrase';

/** One line of a brat `.ann` file, read on its own (offsets are checked against the text later). */
export type AnnLine =
  | { readonly kind: 'blank' }
  /** `T1<TAB>Label 0 5<TAB>text`, or several `start end` fragments joined by `;` (discontinuous). */
  | {
      readonly kind: 'text';
      readonly id: string;
      readonly label: string;
      readonly fragments: readonly (readonly [number, number])[];
      readonly text: string;
    }
  /** `R1<TAB>Label Arg1:T1 Arg2:T2`. */
  | { readonly kind: 'relation'; readonly id: string; readonly label: string; readonly arg1: string; readonly arg2: string }
  /** `A1<TAB>Name T1 [value]`. */
  | { readonly kind: 'attribute'; readonly id: string; readonly name: string; readonly target: string; readonly value?: string }
  /** Lines brat knows that Hashiya does not hold: `#` notes, `E` events, `M` modifiers, `N` normalizations, `*` equivalences. */
  | { readonly kind: 'ignored'; readonly type: '#' | 'E' | 'M' | 'N' | '*' }
  | { readonly kind: 'bad'; readonly problem: Phrase };

const ID = /^[TRAEMN][^\s]*$|^\*$/;
const NUMBER = /^\d+$/;
const ROLE = /^(Arg1|Arg2):(\S+)$/;

const bad = (problem: Phrase): AnnLine => ({ kind: 'bad', problem });

/** The fragments of `0 5` or `0 5;10 15`, or null when they are not pairs of non-negative integers. */
function readFragments(s: string): [number, number][] | null {
  const out: [number, number][] = [];
  for (const part of s.split(';')) {
    const pair = part.split(' ');
    if (pair.length !== 2 || !NUMBER.test(pair[0]!) || !NUMBER.test(pair[1]!)) return null;
    out.push([Number(pair[0]), Number(pair[1])]);
  }
  return out;
}

/**
 * Reads one `.ann` line (without its line break). Only the line's own shape is checked
 * here: ids, fields and numbers; whether offsets fit the text and ids exist is the
 * caller's business.
 */
export function parseAnnLine(line: string): AnnLine {
  if (line.trim() === '') return { kind: 'blank' };
  // Notes (AnnotatorNotes and the like) are ignored whatever follows the #.
  if (line[0] === '#') return { kind: 'ignored', type: '#' };
  const tab = line.indexOf('\t');
  const id = tab < 0 ? line : line.slice(0, tab);
  if (!ID.test(id)) {
    const first = line[0]!;
    if ('TRAEMN*'.includes(first)) return bad(phrase('brat.noTab', { id: JSON.stringify(id.split(/\s/)[0]) }));
    return bad(phrase('brat.unknownType', { type: JSON.stringify(first) }));
  }
  const type = id[0] as 'T' | 'R' | 'A' | 'E' | 'M' | 'N' | '#' | '*';
  if (type === '#' || type === 'E' || type === 'M' || type === 'N' || type === '*') return { kind: 'ignored', type };
  if (tab < 0) return bad(phrase('brat.nothingAfterId', { id }));
  const rest = line.slice(tab + 1);

  if (type === 'T') {
    const tab2 = rest.indexOf('\t');
    if (tab2 < 0) return bad(phrase('brat.textTruncated', { id }));
    // The covered text may itself hold tabs, so only the first two split the line.
    const middle = rest.slice(0, tab2);
    const space = middle.indexOf(' ');
    if (space <= 0) return bad(phrase('brat.labelTruncated', { id, found: JSON.stringify(middle) }));
    const fragments = readFragments(middle.slice(space + 1));
    if (!fragments) return bad(phrase('brat.badOffsets', { id, found: JSON.stringify(middle.slice(space + 1)) }));
    return { kind: 'text', id, label: middle.slice(0, space), fragments, text: rest.slice(tab2 + 1) };
  }

  // R and A lines have one field after the id; brat itself writes R lines with a trailing empty one.
  const fields = rest.split('\t');
  if (fields.slice(1).some((f) => f !== '')) return bad(phrase('brat.afterTab', { id, found: JSON.stringify(fields.slice(1).join('\t')) }));
  const parts = fields[0]!.split(' ');
  if (parts.some((p) => p === '')) return bad(phrase('brat.spaces', { id, found: JSON.stringify(fields[0]) }));

  if (type === 'R') {
    if (parts.length !== 3) return bad(phrase('brat.relationShape', { id }));
    const a = ROLE.exec(parts[1]!);
    const b = ROLE.exec(parts[2]!);
    if (!a || !b || a[1] === b[1]) return bad(phrase('brat.relationArgs', { id, found: JSON.stringify(parts.slice(1).join(' ')) }));
    const [arg1, arg2] = a[1] === 'Arg1' ? [a[2]!, b[2]!] : [b[2]!, a[2]!];
    return { kind: 'relation', id, label: parts[0]!, arg1, arg2 };
  }
  // type === 'A'
  if (parts.length !== 2 && parts.length !== 3) return bad(phrase('brat.attributeShape', { id }));
  return { kind: 'attribute', id, name: parts[0]!, target: parts[1]!, ...(parts.length === 3 ? { value: parts[2]! } : {}) };
}
