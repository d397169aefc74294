import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentMeta, DocumentRecord } from '../../shared/model/document';
import { normalTags, splitTags } from '../../shared/model/readDocumentMeta';
import { dateInDigits, typedDate } from '../i18n/typedDate';
import { useFormat } from '../i18n/useFormat';
import { appStore } from '../store/appStore';
import { DialogNotice } from './NoticeBar';

// Examples of what the fields hold, written as they are stored: the same in either language.
const URL_EXAMPLE = 'https://…';
const LANGUAGE_EXAMPLE = 'ar, en, ar-SY';
const DATE_EXAMPLE = '2024-03-07';
// Dates, addresses and language tags read left to right in either language.
const LTR = 'ltr';

/** The metadata typed in the dialog, empty fields left out. */
function metaOf(fields: Record<'outlet' | 'published' | 'url' | 'author' | 'language' | 'tags', string>): DocumentMeta {
  const out: { -readonly [K in keyof DocumentMeta]: DocumentMeta[K] } = {};
  for (const k of ['outlet', 'url', 'author', 'language'] as const) if (fields[k].trim()) out[k] = fields[k].trim();
  // A date typed in Arabic-Indic digits is stored in Latin ones; one that is no date is kept as
  // typed, for the check to name.
  const published = typedDate(fields.published) ?? fields.published.trim();
  if (published) out.published = published;
  const tags = normalTags(splitTags(fields.tags));
  if (tags.length) out.tags = tags;
  return out;
}

/**
 * A document's title and metadata (outlet, date published, URL, author, language, tags),
 * edited and saved together: checked first, and every problem shown here in words.
 */
export function DetailsDialog({ record, onClose }: { record: DocumentRecord; onClose: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  // The date is written in the interface's digits, not the system's date picker's form.
  const written = (iso: string | undefined) => dateInDigits(iso, (n) => format.digits(n));
  const dialog = useRef<HTMLDialogElement>(null);
  const m = record.meta ?? {};
  const [title, setTitle] = useState(record.title);
  const [fields, setFields] = useState({
    outlet: m.outlet ?? '',
    published: written(m.published ?? ''),
    url: m.url ?? '',
    author: m.author ?? '',
    language: m.language ?? '',
    tags: (m.tags ?? []).join(', '),
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function save() {
    setSaving(true);
    const found = await appStore.getState().describeDocument(record.id, title, metaOf(fields));
    setSaving(false);
    if (found.length) setProblems(found);
    else dialog.current?.close();
  }

  const field = (key: keyof typeof fields, label: string, input: Partial<React.InputHTMLAttributes<HTMLInputElement>> = {}) => (
    <label>
      {label}
      <input value={fields[key]} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} dir="auto" {...input} />
    </label>
  );

  return (
    <dialog ref={dialog} className="details-dialog" aria-label={t('details.dialog')} onClose={onClose}>
      <h2>{t('details.dialog')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label>
          {t('details.title')}
          <input value={title} onChange={(e) => setTitle(e.target.value)} dir="auto" />
        </label>
        {field('outlet', t('details.outlet'))}
        {field('published', t('details.published'), { inputMode: 'numeric', dir: LTR, placeholder: written(DATE_EXAMPLE) })}
        {field('url', t('details.url'), { type: 'url', dir: LTR, placeholder: URL_EXAMPLE })}
        {field('author', t('details.author'))}
        {field('language', t('details.language'), { dir: LTR, placeholder: LANGUAGE_EXAMPLE })}
        {field('tags', t('details.tags'), { placeholder: t('details.tagsPlaceholder') })}
        {problems.length > 0 && (
          <ul className="problems" role="alert" aria-label={t('details.problems')}>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => dialog.current?.close()}>
            {t('details.cancel')}
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {t('details.save')}
          </button>
        </div>
      </form>
      <DialogNotice dialog="details" />
    </dialog>
  );
}
