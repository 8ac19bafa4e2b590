import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MUNICIPALITY_NAME } from '../../src/api/limits';
import { contract } from '../../src/api/contract';
import { translate, type Language } from '../../src/ui/i18n/translate';
import { copyName } from '../../src/ui/screens/copy-name';

const tIn = (language: Language) => (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params);

describe('the name of a duplicated municipality', () => {
  it('is the name with the copy marker when that fits', () => {
    expect(copyName('Aarhus Kommune', tIn('da'))).toBe('Aarhus Kommune (kopi)');
    expect(copyName('Aarhus Kommune', tIn('en'))).toBe('Aarhus Kommune (copy)');
  });

  it('keeps the marker and stays within the limit for a name of the longest allowed length', () => {
    const longest = 'Kommune '.repeat(20).slice(0, MAX_MUNICIPALITY_NAME);
    const copy = copyName(longest, tIn('da'));
    expect(copy.length).toBeLessThanOrEqual(MAX_MUNICIPALITY_NAME);
    expect(copy.length).toBeGreaterThan(MAX_MUNICIPALITY_NAME - 4);
    expect(copy.endsWith('… (kopi)')).toBe(true);
    // The copy is a name the api accepts, so duplicating an 80-character name does not fail.
    expect(contract['municipality.duplicate'].input.safeParse({ id: 'a', name: copy }).success).toBe(true);
  });

  it('is never longer than the limit, in either language', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: MAX_MUNICIPALITY_NAME }), fc.constantFrom<Language>('da', 'en'), (name, language) => {
        expect(copyName(name, tIn(language)).length).toBeLessThanOrEqual(MAX_MUNICIPALITY_NAME);
      }),
    );
  });

  it('is refused by the api when longer than a municipality name may be', () => {
    const parsed = contract['municipality.duplicate'].input.safeParse({ id: 'a', name: 'x'.repeat(MAX_MUNICIPALITY_NAME + 1) });
    expect(parsed.success).toBe(false);
  });
});
