import { useEffect, useRef, type CSSProperties } from 'react';
import { DayPicker } from 'react-day-picker';
import { da } from 'react-day-picker/locale/da';
import { enGB } from 'react-day-picker/locale/en-GB';
import 'react-day-picker/style.css';
import { useI18n } from '../i18n';

function toDate(iso: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : undefined;
}

function toIso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The calendar under a date field: Danish week (Monday first), arrow keys between days, Escape closes. */
export default function DateCalendar({ id, value, onPick, onClose, style }: { id: string; value: string; onPick: (iso: string) => void; onClose: () => void; style?: CSSProperties }) {
  const { t, language } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const selected = toDate(value);
  useEffect(() => {
    const outside = (e: MouseEvent) => {
      const target = e.target as Node;
      if (box.current && !box.current.contains(target) && !box.current.parentElement?.contains(target)) onClose();
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [onClose]);
  return (
    <div
      id={id}
      ref={box}
      className="date-popover"
      style={style}
      role="dialog"
      aria-label={t('design.date.openCalendar')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <DayPicker
        mode="single"
        locale={language === 'da' ? da : enGB}
        weekStartsOn={1}
        showOutsideDays
        autoFocus
        selected={selected}
        defaultMonth={selected ?? new Date()}
        onSelect={(date) => date && onPick(toIso(date))}
      />
    </div>
  );
}
