import { Trans } from 'react-i18next';
import { labelTitle } from '../../shared/model/labelTitle';
import type { HashiyaState } from '../store/types';
import { useHashiya } from '../store/appStore';

const selected = (s: HashiyaState) => (s.selectedSpanId ? s.spans.get(s.selectedSpanId) : undefined);

/**
 * A polite live region that says the selected span, its label's name in the interface's
 * language and its words ("actor: القوات الأميركية"), whenever the selection moves to a
 * span: by click, by ] and [, or from review. Always mounted, so each change is announced.
 */
export function SpanAnnouncer() {
  const label = useHashiya((s) => {
    const span = selected(s);
    const def = span && s.labels.find((l) => l.name === span.label);
    return def ? labelTitle(def, s.language) : span?.label;
  });
  const text = useHashiya((s) => {
    const span = selected(s);
    return span && s.open?.text.slice(span.start, span.end);
  });
  return (
    // A live region, not a status: the notices are the page's status messages.
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="span-announcement">
      {label !== undefined && text !== undefined && <Trans i18nKey="a11y.span" values={{ label, text }} components={{ text: <span lang="ar" dir="rtl" /> }} />}
    </p>
  );
}
