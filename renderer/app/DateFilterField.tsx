import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInDigits, typedDate } from '../i18n/typedDate';
import { useFormat } from '../i18n/useFormat';

// The placeholder shows the form by example, in the chosen digits.
const EXAMPLE = '2024-03-07';

/**
 * A date filter written in the interface's digits, not the browser's locale (a native date
 * input follows the system, whatever language the analyst chose): typed `YYYY-MM-DD` in
 * either kind of digits, and said back in the interface's language beside the field.
 */
export function DateFilterField({
  label,
  name,
  value,
  onChange,
}: {
  readonly label: string;
  /** The field's accessible name, where the words beside it say less (a second field's "to"). */
  readonly name?: string;
  readonly value: string | undefined;
  readonly onChange: (iso: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const written = (iso: string | undefined) => dateInDigits(iso, (n) => format.digits(n));
  const [text, setText] = useState(() => written(value));
  // A filter cleared or set elsewhere, or new digits, rewrite the field.
  useEffect(() => {
    if (typedDate(text) !== (value ?? '')) setText(written(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the filter or the digits change, not on each keystroke
  }, [value, format]);
  const read = typedDate(text);
  return (
    <span className="date-filter">
      <label>
        {label}{' '}
        <input
          type="text"
          inputMode="numeric"
          dir="ltr"
          size={10}
          aria-label={name}
          placeholder={written(EXAMPLE)}
          value={text}
          aria-invalid={read === null}
          aria-description={read === null ? t('dateFilter.invalid') : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const iso = typedDate(e.target.value);
            if (iso !== null) onChange(iso);
          }}
        />
      </label>{' '}
      {read ? <span className="date-said">{format.date(read)}</span> : read === null ? <span role="alert">{t('dateFilter.invalid')}</span> : null}
    </span>
  );
}
