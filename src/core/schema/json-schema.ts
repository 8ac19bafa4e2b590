import { z } from 'zod';
import { municipalityFileShapeSchema, ROUND_MAP_META } from './municipality';

/**
 * JSON Schema of the municipality file, for people and tools outside Milepæl. Cross-field
 * rules (unique ids, known drivers) cannot be expressed in it; docs/file-format.md lists them.
 */
export function municipalityJsonSchema(): Record<string, unknown> {
  const values: Record<string, Record<string, unknown>> = {
    status: { type: 'string', enum: ['not_started', 'in_progress', 'in_place', 'not_relevant'] },
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
    idList: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 120 }, maxItems: 500 },
    percent: { anyOf: [{ type: 'number', minimum: 0, maximum: 100 }, { type: 'null' }] },
  };
  const schema = z.toJSONSchema(municipalityFileShapeSchema, {
    io: 'input',
    target: 'draft-2020-12',
    unrepresentable: 'any',
    // The round maps are checked by a function; describe them for everyone else.
    override: (ctx) => {
      const json = ctx.jsonSchema as Record<string, unknown>;
      const kind = json[ROUND_MAP_META];
      if (typeof kind !== 'string') return;
      delete json[ROUND_MAP_META];
      Object.assign(json, { type: 'object', propertyNames: { minLength: 1, maxLength: 120 }, additionalProperties: values[kind] });
    },
  });
  return {
    ...schema,
    $id: 'https://milepael.invalid/schema/municipality.schema.json',
    title: 'Milepæl municipality file',
    description: 'One municipality\'s implementation checklist, progress and notes. See docs/file-format.md.',
  };
}
