import { ArrowLeft, ArrowRight, ChartPie, ClipboardList, Compass, FileText, X, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/da';

export const TOUR_SEEN_KEY = 'milepael.tourSeen';

const STEPS: Array<{ icon: LucideIcon; title: MessageKey; text: MessageKey }> = [
  { icon: Compass, title: 'design.tour.1.title', text: 'design.tour.1.text' },
  { icon: ClipboardList, title: 'design.tour.2.title', text: 'design.tour.2.text' },
  { icon: ChartPie, title: 'design.tour.3.title', text: 'design.tour.3.text' },
  { icon: FileText, title: 'design.tour.4.title', text: 'design.tour.4.text' },
];

export function tourSeen(): boolean {
  return globalThis.localStorage?.getItem(TOUR_SEEN_KEY) === '1';
}

/**
 * A short first-run introduction to the method and the app. Not a modal: it sits on the start
 * screen, blocks nothing, and once closed stays closed (remembered in this browser/app).
 */
export function Tour({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const current = STEPS[step]!;
  const last = step === STEPS.length - 1;
  const close = () => {
    localStorage.setItem(TOUR_SEEN_KEY, '1');
    onClose();
  };
  useEffect(() => {
    if (step > 0) headingRef.current?.focus();
  }, [step]);
  const StepIcon = current.icon;
  return (
    <section className="tour card" aria-labelledby="tour-title">
      <div className="tour-head">
        <p id="tour-title" className="tour-kicker">
          {t('design.tour.title')}
        </p>
        <button type="button" className="button-quiet button-icon" onClick={close} aria-label={t('design.tour.skip')} title={t('design.tour.skip')}>
          <X className="icon" size={18} aria-hidden="true" />
        </button>
      </div>
      <div className="tour-body">
        <span className="tour-icon" aria-hidden="true">
          <StepIcon size={28} />
        </span>
        <div>
          <h2 ref={headingRef} tabIndex={-1}>
            {t(current.title)}
          </h2>
          <p>{t(current.text)}</p>
        </div>
      </div>
      <div className="tour-foot">
        <span className="muted tour-progress">{t('design.tour.step', { n: step + 1, total: STEPS.length })}</span>
        <span className="tour-dots" aria-hidden="true">
          {STEPS.map((s, n) => (
            <span key={s.title} className={n === step ? 'is-current' : undefined} />
          ))}
        </span>
        <div className="tour-actions">
          {step > 0 && (
            <button type="button" onClick={() => setStep(step - 1)}>
              <ArrowLeft className="icon" size={16} aria-hidden="true" />
              {t('design.tour.back')}
            </button>
          )}
          {last ? (
            <button type="button" className="button-primary" onClick={close}>
              {t('design.tour.done')}
            </button>
          ) : (
            <button type="button" className="button-primary" onClick={() => setStep(step + 1)}>
              {t('design.tour.next')}
              <ArrowRight className="icon" size={16} aria-hidden="true" />
            </button>
          )}
        </div>
      </div>
    </section>
  );
}
