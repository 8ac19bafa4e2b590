import { CalendarDays } from 'lucide-react';
import { lazy, Suspense, useEffect, useId, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import { formatDateText, parseDateText } from '../date-text';
import { useI18n } from '../i18n';
import { useReadOnly } from '../state/read-only';

// The calendar (react-day-picker and its date library) loads the first time someone opens it.
const Calendar = lazy(() => import('./DateCalendar'));

interface Props {
  id: string;
  /** ISO date (yyyy-mm-dd) or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  required?: boolean;
  /** Overrides the visible label for screen readers (a field in a table has no <label>). */
  ariaLabel?: string;
  /**
   * The calendar is placed against the window (position: fixed) instead of under the field, so a
   * field inside a scrolling box (a table) does not get its calendar cut off by that box; it opens
   * above the field when there is no room below.
   */
  floating?: boolean;
}

/** Roughly how tall the calendar is, to choose between below and above the field. */
const CALENDAR_HEIGHT = 360;

function floatingPlace(row: DOMRect): CSSProperties {
  const roomBelow = window.innerHeight - row.bottom;
  const left = Math.max(4, Math.min(row.left, window.innerWidth - 320));
  if (roomBelow >= CALENDAR_HEIGHT || row.top < CALENDAR_HEIGHT) return { position: 'fixed', top: row.bottom + 4, left, bottom: 'auto' };
  return { position: 'fixed', top: 'auto', bottom: window.innerHeight - row.top + 4, left };
}

/**
 * A date field that writes dd.mm.yyyy whatever the browser's own language, with a calendar
 * button beside it. A complete, valid date is passed on as soon as it is typed; anything else is
 * explained when the field is left.
 */
export function DateInput({ id, value, onChange, required = false, ariaLabel, floating = false }: Props) {
  const readOnly = useReadOnly();
  const { t } = useI18n();
  const [text, setText] = useState(formatDateText(value));
  const [invalid, setInvalid] = useState(false);
  const [open, setOpen] = useState(false);
  const focused = useRef(false);
  const button = useRef<HTMLButtonElement>(null);
  const row = useRef<HTMLSpanElement>(null);
  const [place, setPlace] = useState<CSSProperties | undefined>(undefined);
  const errorId = useId();
  const popupId = useId();

  useEffect(() => {
    if (!focused.current) setText(formatDateText(value));
  }, [value]);

  // A floating calendar follows its field when the page or the table scrolls, or the window changes size.
  useLayoutEffect(() => {
    if (!open || !floating) return;
    const follow = () => row.current && setPlace(floatingPlace(row.current.getBoundingClientRect()));
    follow();
    window.addEventListener('scroll', follow, true);
    window.addEventListener('resize', follow);
    return () => {
      window.removeEventListener('scroll', follow, true);
      window.removeEventListener('resize', follow);
    };
  }, [open, floating]);

  const type = (next: string) => {
    setText(next);
    const iso = parseDateText(next);
    if (iso) {
      setInvalid(false);
      if (iso !== value) onChange(iso);
    }
  };
  const commit = () => {
    focused.current = false;
    if (text.trim() === '') {
      setInvalid(required);
      if (!required && value !== '') onChange('');
      return;
    }
    const iso = parseDateText(text);
    setInvalid(iso === null);
    if (iso) {
      setText(formatDateText(iso));
      if (iso !== value) onChange(iso);
    }
  };

  return (
    <span className="date-input">
      <span className="date-input-row" ref={row}>
        <input
          id={id}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          aria-label={ariaLabel}
          placeholder={t('design.date.placeholder')}
          value={text}
          readOnly={readOnly}
          required={required}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? errorId : undefined}
          onFocus={() => (focused.current = true)}
          onChange={(e) => type(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
        <button ref={button} type="button" className="button-icon date-input-button" aria-label={t('design.date.openCalendar')} title={t('design.date.openCalendar')} aria-expanded={open} aria-controls={open ? popupId : undefined} disabled={readOnly} onClick={() => setOpen(!open)}>
          <CalendarDays className="icon" size={18} aria-hidden="true" />
        </button>
      </span>
      {invalid && (
        <span id={errorId} className="date-input-error">
          {t('design.date.invalid')}
        </span>
      )}
      {open && (
        <Suspense fallback={null}>
          <Calendar
            id={popupId}
            style={floating ? place : undefined}
            value={parseDateText(text) ?? value}
            onPick={(iso) => {
              setText(formatDateText(iso));
              setInvalid(false);
              onChange(iso);
              setOpen(false);
              button.current?.focus();
            }}
            onClose={() => {
              setOpen(false);
              button.current?.focus();
            }}
          />
        </Suspense>
      )}
    </span>
  );
}
