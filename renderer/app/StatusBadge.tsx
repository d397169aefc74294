import { useTranslation } from 'react-i18next';
import type { DocStatus } from '../../shared/model/docStatus';

/** Each status's string key. */
export const STATUS_KEYS = { new: 'status.new', 'in-progress': 'status.inProgress', done: 'status.done' } as const satisfies Record<DocStatus, string>;

/** A document's status for the current annotator. */
export function StatusBadge({ status }: { status: DocStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status status-${status}`} data-testid="doc-status">
      {t(STATUS_KEYS[status])}
    </span>
  );
}
