import type { DocumentRecord } from '../../shared/model/document';
import { useFormat } from '../i18n/useFormat';

/** A document's outlet, date, language and tags in one line, for the document header and the library. */
export function DocumentMetaLine({ record }: { record: DocumentRecord }) {
  const format = useFormat();
  const m = record.meta;
  if (!m) return null;
  return (
    <span className="meta-line" data-testid="meta-line">
      {m.outlet && <bdi className="outlet">{m.outlet}</bdi>}
      {m.published && <time dateTime={m.published}>{format.date(m.published)}</time>}
      {m.language && <span lang="en">{m.language}</span>}
      {m.tags?.map((t) => (
        <bdi key={t} className="tag">
          {t}
        </bdi>
      ))}
    </span>
  );
}
