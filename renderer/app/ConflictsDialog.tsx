import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PouchDoc } from 'pouchdb-core';
import { teamSync, useHashiya, useTeamSync } from '../store/appStore';
import { describeRecord } from '../sync/describeRecord';
import type { SyncConflict } from '../sync/bridge';

/** The fields in which one side differs from the other, as `field: value`. */
function differing(side: PouchDoc, other: PouchDoc): string {
  return Object.keys(side)
    .filter((k) => !k.startsWith('_') && JSON.stringify(side[k]) !== JSON.stringify(other[k]))
    .map((k) => `${k}: ${JSON.stringify(side[k])}`)
    .join(', ');
}

/** One side of a conflict in words: a span's label and range, else the fields it differs in. */
function useSide(conflict: SyncConflict, side: 'mine' | 'theirs'): string {
  const { t } = useTranslation();
  const doc = conflict[side];
  const other = conflict[side === 'mine' ? 'theirs' : 'mine'];
  if (doc._deleted) return t('sync.deletedSide');
  if (conflict.key.kind === 'span') return t('sync.spanSide', { label: String(doc.label), start: Number(doc.start), end: Number(doc.end) });
  return differing(doc, other);
}

function ConflictRow({ conflict }: { conflict: SyncConflict }) {
  const { t } = useTranslation();
  const documents = useHashiya((s) => s.documents);
  const what = describeRecord(conflict.key, documents);
  const mine = useSide(conflict, 'mine');
  const theirs = useSide(conflict, 'theirs');
  const st = teamSync.getState();
  return (
    <li>
      <p>{what}</p>
      <dl>
        <dt>{t('sync.mine')}</dt>
        <dd dir="auto">{mine}</dd>
        <dt>{t('sync.theirs')}</dt>
        <dd dir="auto">{theirs}</dd>
      </dl>
      <div className="dialog-buttons">
        <button type="button" aria-label={t('sync.keepMineOf', { what })} onClick={() => void st.resolve(conflict.id, 'mine')}>
          {t('sync.keepMine')}
        </button>
        <button type="button" aria-label={t('sync.keepTheirsOf', { what })} onClick={() => void st.resolve(conflict.id, 'theirs')}>
          {t('sync.keepTheirs')}
        </button>
      </div>
    </li>
  );
}

/** The records two machines changed apart, each with both versions: the user keeps one. */
export function ConflictsDialog() {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const conflicts = useTeamSync((s) => s.conflicts);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="exchange-dialog" aria-label={t('sync.conflictsDialog')} onClose={() => teamSync.getState().setDialog(null)}>
      <h2>{t('sync.conflictsHeading')}</h2>
      <p className="hint">{t('sync.conflictsExplain')}</p>
      <ul className="sync-conflict-list">
        {conflicts.map((c) => (
          <ConflictRow key={c.id} conflict={c} />
        ))}
      </ul>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => dialog.current?.close()}>
          {t('sync.close')}
        </button>
      </div>
    </dialog>
  );
}
