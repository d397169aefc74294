import { memo, useEffect, useRef } from 'react';
import type { Span } from '../../shared/model/span';
import type { Verdict } from '../../shared/review/decision';
import type { Difference, DifferenceKind } from '../../shared/review/differences';
import { appStore, useHashiya } from '../store/appStore';
import type { ReviewSession } from '../store/types';

/** How each kind is named in the list. */
const KIND_TEXT: Record<DifferenceKind, string> = {
  agree: 'agree',
  attribute: 'link/stance conflict',
  label: 'label conflict',
  boundary: 'boundary conflict',
  'only-a': 'only in A',
  'only-b': 'only in B',
};

const VERDICT_TEXT: Record<Verdict, string> = { a: 'took A', b: 'took B', both: 'took both', reject: 'rejected', edit: 'edited by hand' };

/** The words a span covers, with its label (and a claim's stance). */
function describe(span: Span | null, text: string): string {
  if (!span) return '—';
  return `${span.label}${span.stance ? ` (${span.stance})` : ''}: ${text.slice(span.start, span.end)}`;
}

/** A claim's source as the row names it: its label and words, or none. */
function describeSource(claim: Span | null, source: Span | null, text: string): string | null {
  if (!claim) return null;
  return source ? `${source.label}: ${text.slice(source.start, source.end)}` : 'none';
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
        <span className="diff-kind">{KIND_TEXT[diff.kind]}</span>
        {diff.attributes.length > 0 && <span className="diff-attrs"> ({diff.attributes.join(', ')})</span>}
        {(['a', 'b'] as const).map((side) => {
          const source = linked ? describeSource(diff[side], side === 'a' ? diff.sourceA : diff.sourceB, text) : null;
          return (
            <span key={side} className="diff-side" dir="rtl" lang="ar">
              <b>{side.toUpperCase()}</b> {describe(diff[side], text)}
              {source !== null && (
                <span className="diff-source" data-side={side}>
                  {' '}
                  ← source <bdi>{source}</bdi>
                </span>
              )}
            </span>
          );
        })}
        <span className="diff-verdict">{verdict ? `✓ ${VERDICT_TEXT[verdict]}` : 'unsettled'}</span>
      </button>
    </li>
  );
});

/** Counts per kind and how many are settled. */
function summary(r: ReviewSession): string {
  const counts = new Map<DifferenceKind, number>();
  for (const d of r.differences) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  const parts = [...counts].map(([k, n]) => `${n} ${KIND_TEXT[k]}`);
  return `${r.decisions.size} of ${r.differences.length} settled${parts.length ? ` · ${parts.join(', ')}` : ''}`;
}

/** The review's list of differences between A and B, with the keys that settle them. */
export function ReviewPanel() {
  const review = useHashiya((s) => s.review);
  const text = useHashiya((s) => s.open?.text ?? '');
  if (!review) return null;
  const st = appStore.getState();
  const keep = (e: React.MouseEvent) => e.preventDefault();
  const current = review.differences[review.current];
  const settle = (v: Verdict) => st.settleCurrent(v);
  return (
    <aside className="review-panel" aria-label="Differences">
      <h2>
        Differences: <bdi>{review.a}</bdi> (A) and <bdi>{review.b}</bdi> (B)
      </h2>
      <p className="hint" data-testid="review-summary">
        {summary(review)}
      </p>
      <div className="row" role="group" aria-label="Settle the difference in focus">
        <button type="button" onMouseDown={keep} disabled={!current?.a} onClick={() => settle('a')} aria-label="Accept A (A)">
          Accept A <kbd>A</kbd>
        </button>
        <button type="button" onMouseDown={keep} disabled={!current?.b} onClick={() => settle('b')} aria-label="Accept B (B)">
          Accept B <kbd>B</kbd>
        </button>
        <button type="button" onMouseDown={keep} disabled={!current} onClick={() => settle('both')} aria-label="Accept both (O)">
          Both <kbd>O</kbd>
        </button>
        <button type="button" onMouseDown={keep} disabled={!current} onClick={() => settle('reject')} aria-label="Reject (X)">
          Reject <kbd>X</kbd>
        </button>
        <button type="button" onMouseDown={keep} disabled={!current} onClick={() => settle('edit')} aria-label="Edit by hand (E)">
          Edit <kbd>E</kbd>
        </button>
      </div>
      {review.differences.length === 0 ? (
        <p className="hint">The two annotators made no spans in this document.</p>
      ) : (
        <ol className="diff-list" aria-label="Differences list">
          {review.differences.map((d, i) => (
            <DifferenceRow key={d.key} diff={d} index={i} current={i === review.current} verdict={review.decisions.get(d.key)?.verdict} text={text} />
          ))}
        </ol>
      )}
    </aside>
  );
}
