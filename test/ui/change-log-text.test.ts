import { describe, expect, it } from 'vitest';
import { answeredQuestionSchema, assessmentSchema, checklistItemSchema, evidenceLinkSchema, municipalityFileShapeSchema } from '../../src/core/schema/municipality';
import { translate, type Language } from '../../src/ui/i18n/translate';
import { actorOf, describeChange, LOG_EVENTS } from '../../src/ui/screens/change-log-text';

/** Fields the engine stores in a way of its own and logs under an event name (src/backend/engine/mapping.ts). */
const SPECIAL_TOP = new Set(['items', 'removedPackItemIds', 'assessment', 'conferences', 'revision', 'evaluation', 'updatedAt']);
const SPECIAL_ITEM = new Set(['questions', 'evidence']);

type Change = { field: string; item?: string; question?: string; evidence?: string; value?: unknown };

/** Every change the engine can log: its events, and a change of each field of the file, an item, a question and a documentation link. */
function everyKind(): Change[] {
  const kinds: Change[] = Object.keys(LOG_EVENTS).map((field) => ({ field, item: 'm1' }));
  for (const field of Object.keys(municipalityFileShapeSchema.shape)) if (!SPECIAL_TOP.has(field)) kinds.push({ field });
  for (const field of Object.keys(assessmentSchema.shape)) if (field !== 'snapshots') kinds.push({ field });
  for (const field of Object.keys(checklistItemSchema.shape)) if (!SPECIAL_ITEM.has(field)) kinds.push({ field, item: 'm1' });
  for (const field of Object.keys(answeredQuestionSchema.shape)) kinds.push({ field, item: 'm1', question: 'q1' });
  for (const field of Object.keys(evidenceLinkSchema.shape)) kinds.push({ field, item: 'm1', evidence: 'e1' });
  return kinds;
}

const context = (language: Language) => ({ t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(language, key, params), formatDate: (d: string) => d, titleOf: () => 'Forankring' });

describe('change log wording', () => {
  it('has a Danish and an English wording for every kind of change the engine logs, never its internal name', () => {
    for (const change of everyKind()) {
      const da = describeChange(change, context('da'), 'Anna');
      const en = describeChange(change, context('en'), 'Anna');
      for (const line of [da, en]) {
        expect(line, change.field).not.toMatch(/[{}]/);
        expect(line, change.field).not.toContain(change.field.includes('.') || /[A-Z]/.test(change.field) ? change.field : '\u0000');
        expect(line, change.field).not.toMatch(/^(Andre oplysninger|Other details)/);
      }
      expect(da, change.field).not.toBe(en);
    }
  });

  it('falls back to a plain sentence for a field a newer app logs', () => {
    expect(describeChange({ field: 'somethingNew' }, context('da'))).toBe('Andre oplysninger ændret');
    expect(describeChange({ field: 'somethingNew', item: 'm1' }, context('en'))).toBe('Other details changed on "Forankring"');
  });

  it('names nobody for changes without an author, and words a converted file without one', () => {
    expect(actorOf('')).toBeNull();
    expect(actorOf('Ukendt')).toBeNull();
    expect(actorOf(' Anna ')).toBe('Anna');
    expect(describeChange({ field: 'created' }, context('da'), '')).toBe('Oprettet ud fra en kommunefil');
    expect(describeChange({ field: 'created' }, context('en'), '')).toBe('Created from a municipality file');
    expect(describeChange({ field: 'created' }, context('en'), 'Anna')).toBe('Municipality created');
  });
});
