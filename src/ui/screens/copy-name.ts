import { MAX_MUNICIPALITY_NAME } from '../../api/limits';
import type { I18n } from '../i18n';

/**
 * The name a duplicate gets: "{name} (kopi)", shortened inside so the whole stays within the
 * municipality-name limit — the marker must survive, since it is what tells the copy apart.
 */
export function copyName(name: string, t: I18n['t']): string {
  const whole = t('start.copyName', { name });
  if (whole.length <= MAX_MUNICIPALITY_NAME) return whole;
  const overflow = whole.length - MAX_MUNICIPALITY_NAME + 1; // +1 for the ellipsis
  const shortened = `${name.slice(0, Math.max(1, name.length - overflow)).trimEnd()}…`;
  return t('start.copyName', { name: shortened }).slice(0, MAX_MUNICIPALITY_NAME);
}
