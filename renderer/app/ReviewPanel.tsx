import type { TFunction } from 'i18next';
import { memo, useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Span } from '../../shared/model/span';
import type { Verdict } from '../../shared/review/decision';
import type { Difference, DifferenceKind } from '../../shared/review/differences';
import { useLabelTitle } from '../i18n/useLabelTitle';
import { appStore, useHashiya } from '../store/appStore';
import type { ReviewSession } from '../store/types';

/** The two sides of a difference, A above the line and B below. */
const SIDES = ['a', 'b'] as const;

/** How the row names spans: by label (in the interface's language) and words. */
interface Naming {
  readonly t: TFunction;
  readonly titleOf: (label: string) => string;
  readonly text: string;
}

/** The words a span covers, with its label (and a claim's stance). */
function describe(span: Span | null, { t, titleOf, text }: Naming): string {
  if (!span) return '—';
  return `${titleOf(span.label)}${span.stance ? ` (${t(`stance.word.${span.stance}`)})` : ''}: ${text.slice(span.start, span.end)}`;
}

/** A claim's source as the row names it: its label and words, or none. */
function describeSource(claim: Span | null, source: Span | null, { t, titleOf, text }: Naming): string | null {
  if (!claim) return null;
  return source ? `${titleOf(source.label)}: ${text.slice(source.start, source.end)}` : t('review.none');
}

/** One row of the list: the kind, both sides (a claim's with its source), and how it was settled. */
const DifferenceRow = memo(function DifferenceRow({
  diff,
  index,
  current,
  verdict,
  text,
}: {
  diff: Difference;
  index: number;
  current: boolean;
  verdict: Verdict | undefined;
  text: string;
}) {
  const ref = useRef<HTMLLIElement>(null);
  const { t } = useTranslation();
  const naming: Naming = { t, titleOf: useLabelTitle(), text };
  // Sources are named where either claim has one, so a link conflict says whose source is whose.
  const linked = diff.sourceA !== null || diff.sourceB !== null;
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  return (
    <li
      ref={ref}
      className={`diff diff-${diff.kind}${current ? ' current' : ''}${verdict ? ' settled' : ''}`}
      aria-current={current ? 'true' : undefined}
      data-kind={diff.kind}
      data-verdict={verdict ?? ''}
    >
      <button type="button" className="diff-button" onMouseDown={(e) => e.preventDefault()} onClick={() => appStore.getState().focusDifference(index)}>
        <span className="diff-kind">{t(`review.kind.${diff.kind}`)}</span>
        {diff.attributes.length > 0 && (
          <span className="diff-attrs"> ({diff.attributes.map((x) => t(`review.attribute.${x}`)).join(t('review.listSeparator'))})</span>
        )}
        {SIDES.map((side) => {
          const source = linked ? describeSource(diff[side], side === 'a' ? diff.sourceA : diff.sourceB, naming) : null;
          return (
            <span key={side} className="diff-side" dir="rtl" lang="ar">
              <b>{side.toUpperCase()}</b> {describe(diff[side], naming)}
              {source !== null && (
                <span className="diff-source" data-side={side}>
                  {' '}
                  ← {t('review.source')} <bdi>{source}</bdi>
                </span>
              )}
            </span>
          );
        })}
        <span className="diff-verdict">{verdict ? `✓ ${t(`review.verdict.${verdict}`)}` : t('review.unsettled')}</span>
      </button>
    </li>
  );
});

/** Counts per kind and how many are settled. */
function summary(r: ReviewSession, t: TFunction): string {
  const counts = new Map<DifferenceKind, number>();
  for (const d of r.differences) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => t('review.kindCount', { count: n, kind: t(`review.kind.${k}`) }));
  const settled = t('review.summary', { settled: r.decisions.size, total: r.differences.length });
  return parts.length ? `${settled} · ${parts.join(t('review.listSeparator'))}` : settled;
}

/** The review's list of differences between A and B, with the keys that settle them. */
export function ReviewPanel() {
  const review = useHashiya((s) => s.review);
  const text = useHashiya((s) => s.open?.text ?? '');
  const { t } = useTranslation();
  if (!review) return null;
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const current = review.differences[review.current];
  const settle = (v: Verdict) => st.settleCurrent(v);
  return (
    <aside className="review-panel" aria-label={t('review.panel')}>
      <h2>
        <Trans i18nKey="review.heading" values={{ a: review.a, b: review.b }} components={{ bdi: <bdi /> }} />
      </h2>
      <p className="hint" data-testid="review-summary">
        {summary(review, t)}
      </p>
      <div className="row" role="group" aria-label={t('review.settle')}>
        <button
          type="button"
          onMouseDown={keep}
          disabled={!current?.a}
          onClick={() => settle('a')}
          aria-label={t('a11y.shownThen', { shown: `${t('review.acceptA')} A`, name: t('review.acceptALabel') })}
        >
          {t('review.acceptA')} <kbd>A</kbd>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          disabled={!current?.b}
          onClick={() => settle('b')}
          aria-label={t('a11y.shownThen', { shown: `${t('review.acceptB')} B`, name: t('review.acceptBLabel') })}
        >
          {t('review.acceptB')} <kbd>B</kbd>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          disabled={!current}
          onClick={() => settle('both')}
          aria-label={t('a11y.shownThen', { shown: `${t('review.both')} O`, name: t('review.bothLabel') })}
        >
          {t('review.both')} <kbd>O</kbd>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          disabled={!current}
          onClick={() => settle('reject')}
          aria-label={t('a11y.shownThen', { shown: `${t('review.reject')} X`, name: t('review.rejectLabel') })}
        >
          {t('review.reject')} <kbd>X</kbd>
        </button>
        <button
          type="button"
          onMouseDown={keep}
          disabled={!current}
          onClick={() => settle('edit')}
          aria-label={t('a11y.shownThen', { shown: `${t('review.edit')} E`, name: t('review.editLabel') })}
        >
          {t('review.edit')} <kbd>E</kbd>
        </button>
      </div>
      {review.differences.length === 0 ? (
        <p className="hint">{t('review.empty')}</p>
      ) : (
        <ol className="diff-list" aria-label={t('review.list')}>
          {review.differences.map((d, i) => (
            <DifferenceRow key={d.key} diff={d} index={i} current={i === review.current} verdict={review.decisions.get(d.key)?.verdict} text={text} />
          ))}
        </ol>
      )}
    </aside>
  );
}
