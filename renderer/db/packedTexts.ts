import type { DBCore, DBCoreCursor, DBCoreTable, Middleware } from 'dexie';
import { modelText, storedText, type StoredText } from './storedText';

const TEXTS = 'texts';

/** A cursor over stored text rows that shows each as the model's row. */
function modelCursor(cursor: DBCoreCursor): DBCoreCursor {
  // IndexedDB's own getters need the real cursor as `this`, hence the closures.
  return Object.create(cursor, {
    key: { get: (): unknown => cursor.key },
    primaryKey: { get: (): unknown => cursor.primaryKey },
    value: { get: () => (cursor.value === undefined ? undefined : modelText(cursor.value as StoredText)) },
  }) as DBCoreCursor;
}

function packedTable(down: DBCoreTable): DBCoreTable {
  const model = (row: unknown) => (row === undefined ? undefined : modelText(row as StoredText));
  return {
    ...down,
    mutate: (req) => (req.type === 'add' || req.type === 'put' ? down.mutate({ ...req, values: req.values.map(storedText) }) : down.mutate(req)),
    get: (req) => down.get(req).then(model),
    getMany: (req) => down.getMany(req).then((rows) => rows.map(model)),
    query: (req) => (req.values ? down.query(req).then((res) => ({ ...res, result: res.result.map(model) })) : down.query(req)),
    openCursor: (req) => down.openCursor(req).then((cursor) => (cursor && req.values ? modelCursor(cursor) : cursor)),
  };
}

/**
 * The one place texts change form between the model and IndexedDB (see `storedText`): a
 * DBCore middleware right above the database, below every other (Dexie's caches, the sync
 * outbox), so every reader and writer of the `texts` table — the repository, backups and
 * restores, team sync's rows and its wire format, the search worker — sees the model's
 * rows and none can forget to convert.
 */
export const packedTexts: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'hashiya-packed-texts',
  level: -10,
  create: (down: DBCore) => ({ ...down, table: (name: string) => (name === TEXTS ? packedTable(down.table(name)) : down.table(name)) }),
};
