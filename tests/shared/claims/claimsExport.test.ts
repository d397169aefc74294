import { describe, expect, it } from 'vitest';
import { buildClaimsTable } from '../../../shared/claims/buildClaims';
import { CLAIMS_CSV_COLUMNS, claimsCsv, claimsJson, entitiesJson } from '../../../shared/claims/claimsExport';
import { csvField, csvLine } from '../../../shared/claims/csvField';
import { DEFAULT_LABELS } from '../../../shared/model/label';
import { DOCUMENTS, ENTITIES, SY24 } from './claimsFixture';

const table = buildClaimsTable(DOCUMENTS, ENTITIES, DEFAULT_LABELS);

/** A small RFC 4180 reader, written apart from the writer, to read back what it wrote. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

describe('CSV fields', () => {
  it('quotes commas, quotes, line ends, edge spaces and formula starts, and leaves Arabic alone', () => {
    expect(csvField('قالت مصادر محلية')).toBe('قالت مصادر محلية');
    expect(csvField('المدن، بيروت')).toBe('المدن، بيروت'); // the Arabic comma is not a separator
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('قاعدة "كونيكو"')).toBe('"قاعدة ""كونيكو"""');
    expect(csvField('سطر\nثانٍ')).toBe('"سطر\nثانٍ"');
    expect(csvField('\r')).toBe('"\r"');
    expect(csvField(' مسافة')).toBe('" مسافة"');
    expect(csvField('=1+1')).toBe('"=1+1"');
    expect(csvField(null)).toBe('');
    expect(csvField(42)).toBe('42');
    expect(csvLine(['a', 'b,c'])).toBe('a,"b,c"\r\n');
  });
});

describe('the claims CSV', () => {
  const csv = claimsCsv(table.rows);
  const [header, ...lines] = readCsv(csv.slice(1));

  it('starts with a BOM and the header, and has one line per claim that reads back whole', () => {
    expect(csv.startsWith('\uFEFFclaim_id,')).toBe(true);
    expect(header).toEqual([...CLAIMS_CSV_COLUMNS]);
    expect(lines).toHaveLength(table.rows.length);
    const at = (id: string) => Object.fromEntries(header!.map((h, k) => [h, lines.find((l) => l[0] === id)![k]]));
    expect(at('m-c1')).toMatchObject({
      document_id: 'modon-1',
      outlet: 'المدن',
      published: '2024-08-05',
      claim_text: 'الميلشيات الإيرانية استهدفت القاعدة بواسطة الصواريخ',
      stance: 'asserted',
      source_entity_id: '',
      source_text: 'مصادر محلية',
      source_label: 'actor',
      targets: 'الصواريخ',
    });
    const us = at('s-c3');
    expect(us).toMatchObject({ source_entity_id: 'e-us', source_entity_name: 'القوات الأميركية', source_entity_other_names: 'US forces | القوات الأمريكية' });
    // Code points: the text between the offsets is the claim, past the 🛩.
    expect(Array.from(SY24).slice(Number(us.start), Number(us.end)).join('')).toBe(us.claim_text);
    expect(at('s-c4')).toMatchObject({ stance: '', source_text: '' });
  });

  it('keeps a title with quotes, a comma and a line break in one field', () => {
    const odd = buildClaimsTable([{ ...DOCUMENTS[0]!, title: 'عنوان، "مقتبس"\nوسطر' }], ENTITIES, DEFAULT_LABELS);
    const [, first] = readCsv(claimsCsv(odd.rows).slice(1));
    expect(first![2]).toBe('عنوان، "مقتبس"\nوسطر');
  });
});

describe('the JSON exports', () => {
  it('write each claim with its document, code-point offsets, source entity and targets', () => {
    const parsed = JSON.parse(claimsJson(table.rows)) as { claims: Record<string, unknown>[] };
    expect(parsed.claims).toHaveLength(table.rows.length);
    const us = parsed.claims.find((c) => c.id === 's-c3')!;
    expect(us).toMatchObject({
      document: { id: 'sy24-1', title: 'مسيّرة تسقط قرب كونيكو', outlet: 'سوريا 24', published: '2024-08-06' },
      text: 'الهجوم لم يسفر عن إصابات',
      stance: 'denied',
      source: { text: 'القوات الأميركية', entity: { id: 'e-us', name: 'القوات الأميركية', other_names: ['US forces', 'القوات الأمريكية'] } },
    });
    expect(
      Array.from(SY24)
        .slice(us.start as number, us.end as number)
        .join(''),
    ).toBe(us.text);
    expect(parsed.claims.find((c) => c.id === 'm-c1')!.targets).toEqual([{ span_id: 'm-rockets', text: 'الصواريخ', label: 'weapon', entity: null }]);
  });

  it('write the entities with how many claims name them', () => {
    const parsed = JSON.parse(entitiesJson(ENTITIES, table.rows)) as { entities: Record<string, unknown>[] };
    expect(parsed.entities.find((e) => e.id === 'e-militia')).toMatchObject({ name: 'الميليشيات الإيرانية', claims_as_source: 0, claims_mentioning: 2 });
    expect(parsed.entities.find((e) => e.id === 'e-us')).toMatchObject({ claims_as_source: 1, identifier: null });
    expect(parsed.entities.find((e) => e.id === 'e-conoco')).toMatchObject({ identifier: 'Q-conoco', type: 'place', claims_mentioning: 1 });
  });
});
