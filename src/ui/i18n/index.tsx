import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { MessageKey } from './da';
import { formatDate, formatWholePercent } from './format';
import { translate, type Language } from './translate';

export { translate, type Language } from './translate';
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const STORAGE_KEY = 'milepael.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** 22.11.2026, as the plan writes it (src/core/dates.ts). */
  formatDate: (isoDate: string) => string;
  /** 45 % in Danish; "–" when there is no score. */
  formatPercent: (percent: number | null) => string;
  formatNumber: (n: number) => string;
}

export function createI18n(language: Language, setLanguage: (l: Language) => void): I18n {
  const locale = LOCALES[language];
  let number: Intl.NumberFormat | undefined;
  return {
    language,
    setLanguage,
    t: (key, params) => translate(language, key, params),
    formatDate: (iso) => formatDate(iso, language),
    formatPercent: (p) => (p === null ? '–' : formatWholePercent(p, language)),
    formatNumber: (n) => (number ??= new Intl.NumberFormat(locale)).format(n),
  };
}

const I18nContext = createContext<I18n | null>(null);

function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'da';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const value = useMemo(
    () =>
      createI18n(language, (next) => {
        localStorage.setItem(STORAGE_KEY, next);
        document.documentElement.lang = next;
        setLanguageState(next);
      }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
