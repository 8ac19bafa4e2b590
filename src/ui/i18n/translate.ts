import { da, type MessageKey, type Messages } from './da';
import { en } from './en';

export type Language = 'da' | 'en';
const MESSAGES: Record<Language, Messages> = { da, en };

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

