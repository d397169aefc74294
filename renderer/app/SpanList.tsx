import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareSpans } from '../../shared/model/span';
import { activeView } from '../editor/activeView';
import { revealSpan } from '../editor/revealSpan';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';

/** Each row's height in pixels: fixed, so the rows in view follow from the scroll offset alone. */
const ROW = 30;
/** Rows drawn beyond each edge of the view, so a quick scroll shows no gap. */
const OVERSCAN = 10;
/** What a row shows of a long span's text; the rest is in the text itself. */
const SHOWN_CHARS = 80;
/** Rows drawn before the list has been measured. */
const FIRST_ROWS = 30;

/**
 * Every span of the open document in text order, optionally of one label only; a click or
 * Enter on one selects it in the text. Only the rows in view are drawn, so eleven
 * thousand spans cost what thirty do.
 */
export function SpanList() {
  const spans = useHashiya((s) => s.spans);
  const labels = useHashiya((s) => s.labels);
  const text = useHashiya((s) => s.open?.text ?? '');
  const selectedId = useHashiya((s) => s.selectedSpanId);
  const { t } = useTranslation();
  const titleOf = useLabelTitle();
  const [label, setLabel] = useState('');
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(FIRST_ROWS * ROW);
  const scroller = useRef<HTMLDivElement>(null);
  const sorted = useMemo(() => [...spans.values()].sort(compareSpans), [spans]);
  const shown = useMemo(() => (label ? sorted.filter((s) => s.label === label) : sorted), [sorted, label]);

  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(shown.length, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const jump = (id: string) => {
    const view = activeView();
    if (view) revealSpan(view, appStore, id);
    else appStore.getState().selectSpan(id);
  };
  const onScroll = (e: React.UIEvent<HTMLDivElement>) => {
    setScrollTop(e.currentTarget.scrollTop);
    setHeight(e.currentTarget.clientHeight);
  };
  const pick = (value: string) => {
    setLabel(value);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
  };

  return (
    <aside className="span-list" aria-label={t('spanList.panel')}>
      <h2>{t('spanList.panel')}</h2>
      <label className="span-list-filter">
        {t('spanList.filter')}{' '}
        <select value={label} onChange={(e) => pick(e.target.value)}>
          <option value="">{t('spanList.allLabels')}</option>
          {labels.map((l) => (
            <option key={l.name} value={l.name}>
              {titleOf(l.name)}
            </option>
          ))}
        </select>
      </label>
      <p className="span-list-count" role="status">
        {t('spanList.count', { count: shown.length })}
      </p>
      <div className="span-list-rows" ref={scroller} onScroll={onScroll}>
        <ul aria-label={t('spanList.rows')} style={{ height: shown.length * ROW }}>
          {shown.slice(first, last).map((s, i) => {
            const whole = text.slice(s.start, s.end);
            const excerpt = whole.length > SHOWN_CHARS ? `${whole.slice(0, SHOWN_CHARS)}…` : whole;
            return (
              <li key={s.id} style={{ top: (first + i) * ROW, height: ROW }}>
                <button
                  type="button"
                  aria-current={s.id === selectedId ? 'true' : undefined}
                  aria-label={t('spanList.row', { label: titleOf(s.label), text: excerpt, annotator: s.annotator })}
                  onClick={() => jump(s.id)}
                >
                  <span className="span-list-label" data-label={s.label}>
                    {titleOf(s.label)}
                  </span>
                  <bdi className="span-list-text" dir="rtl" lang="ar">
                    {excerpt}
                  </bdi>
                  <bdi className="span-list-annotator">{s.annotator}</bdi>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
    </aside>
  );
}
