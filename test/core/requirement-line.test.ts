import { describe, expect, it } from 'vitest';
import { requirementLine } from '../../src/core/evaluation/plan-section';

describe('what the next stage still needs, one line each', () => {
  it('speaks of one milestone in the singular and of several in the plural', () => {
    const one = { kind: 'inPlace' as const, met: false, missing: ['Formål og målgruppe'], have: null, need: null };
    expect(requirementLine(one, 'en')).toBe('This milestone must be in place: Formål og målgruppe');
    expect(requirementLine(one, 'da')).toBe('Denne milepæl skal være på plads: Formål og målgruppe');
    expect(requirementLine({ ...one, missing: ['A', 'B'] }, 'en')).toBe('2 milestones must be in place: A; B');
  });
});
