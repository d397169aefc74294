// Key order is not part of a record: a body read back from PouchDB or IndexedDB may list its
// fields in another order than the one written.
const canonical = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(canonical)
    : value !== null && typeof value === 'object'
      ? Object.fromEntries(
          Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([k, v]) => [k, canonical(v)]),
        )
      : value;

/** True when two records say the same, field for field, whatever order their fields come in (CouchDB's `_` fields aside). */
export function sameBody(a: object, b: object): boolean {
  const own = (o: object) => Object.fromEntries(Object.entries(o).filter(([k]) => !k.startsWith('_')));
  return JSON.stringify(canonical(own(a))) === JSON.stringify(canonical(own(b)));
}
