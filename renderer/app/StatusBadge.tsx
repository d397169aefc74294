import type { DocStatus } from '../../shared/model/docStatus';

const TEXT: Record<DocStatus, string> = { new: 'New', 'in-progress': 'In progress', done: 'Done' };

/** A document's status for the current annotator. */
export function StatusBadge({ status }: { status: DocStatus }) {
  return (
    <span className={`status status-${status}`} data-testid="doc-status">
      {TEXT[status]}
    </span>
  );
}

/** The status's name as the interface shows it. */
export const statusText = (s: DocStatus) => TEXT[s];
