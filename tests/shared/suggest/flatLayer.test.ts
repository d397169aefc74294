import { expect, it } from 'vitest';
import { flatLayer } from '../../../shared/suggest/flatLayer';

it('flatLayer keeps the longest of nested or overlapping spans, then the earlier, in text order', () => {
  const spans = [
    { start: 5, end: 9, label: 'GPE' },
    { start: 0, end: 9, label: 'ORG' },
    { start: 12, end: 15, label: 'PERS' },
    { start: 14, end: 17, label: 'PERS' },
    { start: 20, end: 20, label: 'empty' },
  ];
  expect(flatLayer(spans).map((s) => s.label)).toEqual(['ORG', 'PERS']);
  expect(flatLayer(spans)[1]!.start).toBe(12);
});
