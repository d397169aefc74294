import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LABEL_ROLES, type LabelDef, type LabelRole } from '../../shared/model/label';
import { useFormat } from '../i18n/useFormat';
import { appStore, useHashiya } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

interface Row {
  readonly rowId: number;
  /** The name the label had when the dialog opened (null for a new label). */
  readonly original: string | null;
  readonly label: LabelDef;
}

const blank = (key: string): LabelDef => ({ name: '', role: 'entity', key, color: '#8c564b', title: { en: '', ar: '' }, guideline: { en: '', ar: '' } });

/** The name the dialog's notices are raised under. */
const DIALOG = 'labels';

const ROLE_TEXT = { entity: 'labels.roleEntity', claim: 'labels.roleClaim' } as const satisfies Record<LabelRole, string>;

/**
 * Edits the project's label set: add, rename, give a role, recolour, rekey, describe. A
 * renamed label renames its spans everywhere; renamed to a label the set has, or merged
 * into one (also a label only an import brought, listed apart), its spans take that label
 * after a confirmation, as one library step; a label still in use cannot be removed; a set
 * that cannot be saved says why here, in the dialog.
 */
export function LabelsDialog() {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useHashiya((s) => s.labels);
  const dialog = useRef<HTMLDialogElement>(null);
  const [rows, setRows] = useState<Row[]>(() => labels.map((label, i) => ({ rowId: i, original: label.name, label })));
  const [counts, setCounts] = useState<ReadonlyMap<string, number>>(new Map());
  const [merging, setMerging] = useState<{ from: string; into: string; spans: number; documents: number } | null>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  const reloadCounts = () =>
    void appStore
      .getState()
      .labelCounts()
      .then((c) => setCounts(c));
  useEffect(reloadCounts, []);
  const saved = labels.map((l) => l.name);
  const notInSet = [...counts].filter(([name]) => !saved.includes(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  async function askMerge(from: string, into: string) {
    const { spans, documents } = await appStore.getState().describeLabelMerge(from);
    setMerging({ from, into, spans, documents });
  }

  async function merge() {
    if (!merging) return;
    const problems = await appStore.getState().mergeLabel(merging.from, merging.into);
    setMerging(null);
    if (problems.length) {
      appStore.getState().notify({ kind: 'error', text: t('labels.notSaved'), details: problems });
      return;
    }
    reloadCounts();
    // The merged label left the set: the rows start again from the set as stored.
    setRows(appStore.getState().labels.map((label, i) => ({ rowId: i, original: label.name, label })));
  }

  const mergeSelect = (from: string) => (
    <select aria-label={t('lib.mergeInto', { name: from })} value="" onChange={(e) => e.target.value && void askMerge(from, e.target.value)}>
      <option value="">{t('lib.mergeChoose')}</option>
      {saved
        .filter((n) => n !== from)
        .map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
    </select>
  );

  const update = (rowId: number, patch: (l: LabelDef) => LabelDef) => setRows((rs) => rs.map((r) => (r.rowId === rowId ? { ...r, label: patch(r.label) } : r)));

  async function remove(row: Row) {
    if (row.original) {
      const used = await appStore.getState().countSpansWithLabel(row.original);
      if (used > 0) {
        appStore.getState().notify({ kind: 'error', text: t('labels.inUse', { name: row.original, count: used }) });
        return;
      }
    }
    setRows((rs) => rs.filter((r) => r.rowId !== row.rowId));
    // Done as asked: a refusal shown before is no longer the latest word.
    if (appStore.getState().noticeIn === DIALOG) appStore.getState().notify(null);
  }

  async function save() {
    const renames = new Map<string, string>();
    for (const r of rows) if (r.original && r.original !== r.label.name) renames.set(r.original, r.label.name);
    // Renamed to a label the set already has (and keeps): that is a merge, asked for as one.
    const into = [...renames].find(([from, to]) => rows.some((r) => r.original === to && r.label.name === to && r.original !== from));
    if (into) {
      await askMerge(into[0], into[1]);
      return;
    }
    const problems = await appStore.getState().saveLabels(
      rows.map((r) => r.label),
      renames,
    );
    if (problems.length) appStore.getState().notify({ kind: 'error', text: t('labels.notSaved'), details: problems });
    else dialog.current?.close();
  }

  const renamedInto = (from: string, into: string) => rows.some((r) => r.original === from && r.label.name === into);

  const freeKey = () => ['1', '2', '3', '4', '5', '6', '7', '8', '9'].find((k) => !rows.some((r) => r.label.key === k)) ?? '9';

  return (
    <dialog ref={dialog} className="labels-dialog" aria-label={t('labels.dialog')} onClose={() => appStore.getState().setOverlay(null)}>
      <h2>{t('labels.dialog')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('labels.colName')}</th>
            <th scope="col" title={t('labels.roleHint')}>
              {t('labels.colRole')}
            </th>
            <th scope="col">{t('labels.colKey')}</th>
            <th scope="col">{t('labels.colColour')}</th>
            <th scope="col">{t('labels.colEnglishName')}</th>
            <th scope="col">{t('labels.colArabicName')}</th>
            <th scope="col">{t('labels.colGuidelineEn')}</th>
            <th scope="col">{t('labels.colGuidelineAr')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('labels.colRemove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.rowId}>
              <td>
                <input
                  dir="auto"
                  aria-label={t('labels.name', { index: i + 1 })}
                  value={r.label.name}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, name: e.target.value }))}
                />
              </td>
              <td>
                <select
                  aria-label={t('labels.role', { index: i + 1 })}
                  title={t('labels.roleHint')}
                  value={r.label.role}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, role: e.target.value as LabelRole }))}
                >
                  {LABEL_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(ROLE_TEXT[role])}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={t('labels.key', { index: i + 1 })}
                  value={r.label.key}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, key: e.target.value }))}
                >
                  {['1', '2', '3', '4', '5', '6', '7', '8', '9'].map((k) => (
                    <option key={k}>{k}</option>
                  ))}
                </select>
              </td>
              <td>
                <input
                  type="color"
                  aria-label={t('labels.colour', { index: i + 1 })}
                  value={r.label.color}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, color: e.target.value }))}
                />
              </td>
              <td>
                <input
                  dir="ltr"
                  lang="en"
                  aria-label={t('labels.englishName', { index: i + 1 })}
                  value={r.label.title.en}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, title: { ...l.title, en: e.target.value } }))}
                />
              </td>
              <td>
                <input
                  dir="rtl"
                  lang="ar"
                  aria-label={t('labels.arabicName', { index: i + 1 })}
                  value={r.label.title.ar}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, title: { ...l.title, ar: e.target.value } }))}
                />
              </td>
              <td>
                <textarea
                  rows={3}
                  lang="en"
                  dir="ltr"
                  aria-label={t('labels.guidelineEn', { index: i + 1 })}
                  value={r.label.guideline.en}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, guideline: { ...l.guideline, en: e.target.value } }))}
                />
              </td>
              <td>
                <textarea
                  rows={3}
                  dir="rtl"
                  lang="ar"
                  aria-label={t('labels.guidelineAr', { index: i + 1 })}
                  value={r.label.guideline.ar}
                  onChange={(e) => update(r.rowId, (l) => ({ ...l, guideline: { ...l.guideline, ar: e.target.value } }))}
                />
              </td>
              <td>
                {r.original && saved.includes(r.original) && mergeSelect(r.original)}{' '}
                <button type="button" aria-label={t('labels.remove', { name: r.label.name || format.number(i + 1) })} onClick={() => void remove(r)}>
                  ✕
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {notInSet.length > 0 && (
        <section className="labels-not-in-set" aria-label={t('lib.notInSet')}>
          <h3>{t('lib.notInSet')}</h3>
          <ul>
            {notInSet.map(([name, n]) => (
              <li key={name}>
                <Trans i18nKey="lib.notInSetRow" values={{ name, spans: t('lib.spans', { count: n }) }} components={{ bdi: <bdi /> }} /> {mergeSelect(name)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {merging && (
        <section className="merge-confirm" role="group" aria-label={t('lib.mergeDialog')}>
          {renamedInto(merging.from, merging.into) && <p>{t('lib.renameIsMerge', { from: merging.from, into: merging.into })}</p>}
          <p data-testid="merge-confirm">
            {t('lib.mergeConfirmText', {
              from: merging.from,
              into: merging.into,
              spans: t('lib.spans', { count: merging.spans }),
              documents: t('lib.documents', { count: merging.documents }),
            })}{' '}
            {saved.includes(merging.from) && t('lib.mergeConfirmDrop', { from: merging.from })}
          </p>
          <button type="button" onClick={() => setMerging(null)}>
            {t('common.cancel')}
          </button>{' '}
          <button type="button" className="primary" onClick={() => void merge()}>
            {t('lib.merge')}
          </button>
        </section>
      )}
      <DialogNotice dialog={DIALOG} />
      <div className="dialog-buttons">
        <button
          type="button"
          onClick={() => setRows((rs) => [...rs, { rowId: Math.max(0, ...rs.map((x) => x.rowId)) + 1, original: null, label: blank(freeKey()) }])}
        >
          {t('labels.add')}
        </button>
        <span className="toolbar-spacer" />
        <button type="button" onClick={() => dialog.current?.close()}>
          {t('common.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void save()}>
          {t('labels.save')}
        </button>
      </div>
    </dialog>
  );
}
