import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { da, type MessageKey, type Messages } from './da';
import { en } from './en';

export type Language = 'da' | 'en';
const MESSAGES: Record<Language, Messages> = { da, en };
const LOCALES: Record<Language, string> = { da: 'da-DK', en: 'en-GB' };
const STORAGE_KEY = 'milepael.language';

export interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  t: (key: MessageKey, params?: Record<string, string | number>) => string;
  /** 22.11.2026 in Danish. */
  formatDate: (isoDate: string) => string;
  /** 45 % in Danish; "–" when there is no score. */
  formatPercent: (percent: number | null) => string;
  formatNumber: (n: number) => string;
}

/** The parameter that picks a message's number form (plural-forms.ts), in this order of preference. */
const NUMBER_PARAMS = ['count', 'months', 'total', 'value'] as const;
const pluralRules = { da: new Intl.PluralRules('da-DK'), en: new Intl.PluralRules('en-GB') };

function numberForm(language: Language, key: MessageKey, params: Record<string, string | number>): MessageKey {
  const name = NUMBER_PARAMS.find((p) => typeof params[p] === 'number');
  if (name === undefined) return key;
  const n = params[name] as number;
  const messages: Record<string, string> = MESSAGES[language];
  if (`${key}#${n}` in messages) return `${key}#${n}` as MessageKey;
  const form = `${key}#${pluralRules[language].select(n)}`;
  return form in messages ? (form as MessageKey) : key;
}

export function translate(language: Language, key: MessageKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[language][numberForm(language, key, params)].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function createI18n(language: Language, setLanguage: (l: Language) => void): I18n {
  const locale = LOCALES[language];
  const date = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const number = new Intl.NumberFormat(locale);
  return {
    language,
    setLanguage,
    t: (key, params) => translate(language, key, params),
    formatDate: (iso) => {
      const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
      return Number.isNaN(d.getTime()) ? iso : date.format(d).replace(/\//g, '.');
    },
    formatPercent: (p) => (p === null ? '–' : percent.format(p / 100)),
    formatNumber: (n) => number.format(n),
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
