import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BACKUP_SCHEMA, type BackupTrailer } from '../../../shared/backup/backupFormat';
import { BACKUP_TABLE_NAMES, BACKUP_TABLES } from '../../../shared/backup/tableShapes';
import { verifyBackup, type VerifiedBackup } from '../../../shared/backup/verifyBackup';
import { createSpan } from '../../../shared/model/span';
import { utf16 } from '../../../shared/text/units';
import { backupParts, restoreBackup } from '../../../renderer/db/backup';
import { DERIVED_TABLES, HashiyaDb } from '../../../renderer/db/db';
import { backupPieces, sampleLibrary, type LibraryRows } from '../../support/library';
import type { LabelDef } from '../../../shared/model/label';

let n = 0;
const opened: Dexie[] = [];
const freshDb = (name = `backup-${++n}`) => {
  const db = new HashiyaDb(name);
  opened.push(db);
  return db;
};
afterEach(async () => {
  const dbs = opened.splice(0);
  for (const db of dbs) db.close();
  for (const db of dbs) await Dexie.delete(db.name);
});

async function fill(db: HashiyaDb, rows: LibraryRows): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const t of BACKUP_TABLE_NAMES) await db.table(t).bulkAdd([...rows[t]]);
  });
}

/** Every row of every table, in key order. */
async function everyRow(db: Dexie): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(db.tables.map(async (t) => [t.name, await t.toArray()] as const)));
}

async function collect(pieces: AsyncIterable<string>): Promise<string[]> {
  const out: string[] = [];
  for await (const p of pieces) out.push(p);
  return out;
}

async function verified(pieces: readonly string[]): Promise<VerifiedBackup> {
  const check = await verifyBackup('backup.jsonl', pieces);
  if (!check.ok) throw new Error(check.problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n'));
  return check.backup;
}

const created = new Date('2026-11-21T09:30:00Z');

/** A second library, unlike the sample: one document of another text, one span. */
function otherLibrary(): LibraryRows {
  const rows = sampleLibrary();
  return {
    ...rows,
    documents: rows.documents.slice(0, 1),
    texts: rows.texts.slice(0, 1),
    spans: rows.spans.slice(0, 1),
    statuses: [],
    decisions: [],
    settings: [{ key: 'annotator', value: 'omar' }],
  };
}

describe('backupParts and restoreBackup', () => {
  it('keep the backups’ tables and schema in step with HashiyaDb', () => {
    const db = freshDb();
    // The digests are made from the spans, and a restore makes them again: backups leave them out.
    expect(db.tables.map((t) => t.name).sort()).toEqual([...BACKUP_TABLE_NAMES, ...DERIVED_TABLES].sort());
    // Schemas after BACKUP_SCHEMA add only tables derived from others (7: span digests) or change how rows are stored (8: packed tokens), never the tables backed up.
    expect(db.verno).toBeGreaterThanOrEqual(BACKUP_SCHEMA);
    for (const name of BACKUP_TABLE_NAMES) expect(BACKUP_TABLES[name].since).toBeLessThanOrEqual(BACKUP_SCHEMA);
  });

  it('bring back every row of every table after the database is gone', async () => {
    const rows = sampleLibrary();
    const db = freshDb('lost-library');
    await fill(db, rows);
    const before = await everyRow(db);
    const pieces = await collect(backupParts(db, { app: '0.1.0', created }));
    expect(JSON.parse(pieces[0]!)).toEqual({ hashiya_backup: 1, schema: BACKUP_SCHEMA, created: '2026-11-21T09:30:00.000Z', app: '0.1.0' });
    const backup = await verified(pieces);
    expect(backup.counts).toEqual({ documents: 3, texts: 3, spans: 18, statuses: 9, settings: 2, decisions: 3, rejections: 3, entities: 1 });

    await db.delete();
    const again = freshDb('lost-library');
    expect(await again.documents.count()).toBe(0);
    await restoreBackup(again, backup);
    const after = await everyRow(again);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const t of Object.keys(before)) expect(after[t], t).toEqual(before[t]);
    // Indexes work on the restored rows as on the stored ones.
    expect(await again.spans.where('label').equals('actor').count()).toBe(9);
    expect(await again.statuses.where('annotator').equals('gold').count()).toBe(3);
    expect(await again.decisions.where('docId').equals('doc1').count()).toBe(1);
  });

  it('page through tables larger than a page, compound keys too', async () => {
    const rows = sampleLibrary();
    const docId = rows.documents[0]!.id;
    const many = { ...rows, spans: [...rows.spans], statuses: [...rows.statuses] };
    for (let k = 0; k < 2500; k++)
      many.spans.push(
        createSpan(
          { id: `bulk${String(k).padStart(5, '0')}`, docId, start: utf16(k % 50), end: utf16((k % 50) + 3), label: 'place', annotator: `a${k % 7}` },
          k,
        ),
      );
    for (let k = 0; k < 1500; k++) many.statuses.push({ docId, annotator: `annotator ${k}`, status: 'done', updatedAt: k });
    const db = freshDb();
    await fill(db, many);
    const backup = await verified(await collect(backupParts(db, { app: '0.1.0', created })));
    expect(backup.counts.spans).toBe(many.spans.length);
    expect(backup.counts.statuses).toBe(many.statuses.length);
    const into = freshDb();
    await restoreBackup(into, backup);
    expect(await into.spans.toArray()).toEqual(await db.spans.toArray());
    expect(await into.statuses.toArray()).toEqual(await db.statuses.toArray());
  });

  it('back up one state of the library while saves wait for it, however slowly it is read', async () => {
    const db = freshDb();
    await fill(db, sampleLibrary());
    const reading = backupParts(db, { app: '0.1.0', created });
    // The header, then the first page: the read transaction has begun.
    const read = [(await reading.next()).value as string, (await reading.next()).value as string];
    const late = createSpan({ id: 'late', docId: 'doc0', start: utf16(0), end: utf16(2), label: 'actor', annotator: 'layla' }, 9);
    let saved = false;
    const save = db.spans.add(late).then(() => (saved = true));
    // Real pauses between pieces, as writing each to disk takes.
    const rest: string[] = [];
    const savedWhileReading: boolean[] = [];
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      const step = await reading.next();
      if (step.done) break;
      rest.push(step.value);
      savedWhileReading.push(saved);
    }
    expect(savedWhileReading.length).toBeGreaterThan(3);
    expect(savedWhileReading.every((s) => !s)).toBe(true);
    await save;
    const backup = await verified([...read, ...rest]);
    expect(backup.tables.spans.some((s) => s.id === 'late')).toBe(false);
    expect(await db.spans.get('late')).toEqual(late);
  });

  it('end the read transaction when the reader stops early', async () => {
    const db = freshDb();
    await fill(db, sampleLibrary());
    for await (const _ of backupParts(db, { app: '0.1.0', created })) break;
    await db.settings.put({ key: 'annotator', value: 'omar' });
    expect((await db.settings.get('annotator'))?.value).toBe('omar');
  });

  it('leave the old library untouched when a restore fails part-way', async () => {
    const db = freshDb();
    await fill(db, otherLibrary());
    const before = await everyRow(db);
    const source = freshDb();
    await fill(source, sampleLibrary());
    const backup = await verified(await collect(backupParts(source, { app: '0.1.0', created })));
    // The spans' bulkAdd fails, after documents and texts went in: as a full disk would.
    const tableProto = db.Table.prototype;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- kept to be called on the table itself (realBulkAdd.apply below)
    const realBulkAdd = tableProto.bulkAdd;
    const bulkAdd = vi.spyOn(tableProto, 'bulkAdd').mockImplementation(function (this: typeof tableProto, ...args: Parameters<typeof realBulkAdd>) {
      if (this.name === 'spans') return Promise.reject(new Error('QuotaExceededError: the disk is full')) as ReturnType<typeof realBulkAdd>;
      return realBulkAdd.apply(this, args);
    });
    await expect(restoreBackup(db, backup)).rejects.toThrow(/disk is full/);
    expect(bulkAdd.mock.contexts.map((t) => (t as typeof tableProto).name)).toEqual(['documents', 'texts', 'spans']);
    bulkAdd.mockRestore();
    expect(await everyRow(db)).toEqual(before);
    // The same backup restores once the disk has room.
    const progress: number[] = [];
    await restoreBackup(db, backup, (done, total) => progress.push(done / total));
    expect(await everyRow(db)).toEqual(await everyRow(source));
    expect(progress.at(-1)).toBe(1);
  });

  it('back up every table the database has, a later one too, and never restore into one backups do not know', async () => {
    class LaterDb extends HashiyaDb {
      constructor(name: string) {
        super(name);
        this.version(9).stores({ notes: 'id, docId' });
      }
    }
    const db = new LaterDb(`later-${++n}`);
    opened.push(db);
    await fill(db, sampleLibrary());
    await db.table('notes').add({ id: 'n1', docId: 'doc0', text: 'راجع المصدر' });
    const pieces = await collect(backupParts(db, { app: '0.2.0', created }));
    expect(pieces.some((p) => p.includes('{"t":"notes","r":{"id":"n1"'))).toBe(true);
    expect((JSON.parse(pieces.at(-1)!) as BackupTrailer).counts.notes).toBe(1);
    const check = await verifyBackup('later.jsonl', pieces);
    expect(check.ok ? [] : check.problems.map((p) => p.message)).toEqual([
      'this backup was made by a newer Hashiya (database schema 9; this version knows up to 6): update Hashiya to restore it',
    ]);

    const backup = await verified(await collect(backupParts(freshDb(), { app: '0.1.0', created })));
    await expect(restoreBackup(db, backup)).rejects.toThrow('backups do not know the table notes: nothing was restored');
    expect(await db.table('notes').count()).toBe(1);
  });

  it('gives the labels of a backup made before schema 4 their roles on restore', async () => {
    const rows = sampleLibrary();
    const roleless = rows.settings.map((s) =>
      s.key === 'labels'
        ? { ...s, value: (s.value as LabelDef[]).map(({ role: _role, ...rest }) => ({ ...rest, ...(rest.name === 'مصدر' ? { name: 'ادعاء' } : {}) })) }
        : s,
    );
    const db = freshDb();
    await restoreBackup(db, await verified(await backupPieces({ ...rows, settings: roleless }, 3)));
    const labels = (await db.settings.get('labels'))!.value as LabelDef[];
    expect(labels.map((l) => [l.name, l.role])).toEqual([
      ['actor', 'entity'],
      ['place', 'entity'],
      ['weapon', 'entity'],
      ['claim', 'claim'],
      ['ادعاء', 'entity'],
    ]);
    // A backup of schema 4 is restored as it is.
    const db4 = freshDb();
    const chosen = rows.settings.map((s) => (s.key === 'labels' ? { ...s, value: (s.value as LabelDef[]).map((l) => ({ ...l, role: 'claim' })) } : s));
    await restoreBackup(db4, await verified(await backupPieces({ ...rows, settings: chosen }, 4)));
    expect(((await db4.settings.get('labels'))!.value as LabelDef[]).every((l) => l.role === 'claim')).toBe(true);
  });

  it('restores a backup made before schema 5 into today’s database: everything it held, and no rejections', async () => {
    const rows = sampleLibrary();
    const db = freshDb();
    await fill(db, rows);
    expect(await db.rejections.count()).toBe(3);
    const older = await verified(await backupPieces(rows, 4));
    expect(older.counts.rejections).toBe(0);
    await restoreBackup(db, older);
    expect(await db.rejections.count()).toBe(0);
    expect(await db.spans.count()).toBe(rows.spans.length);
    expect(await db.decisions.count()).toBe(rows.decisions.length);
  });
});
