import { z } from 'zod';
import { municipalityFileShapeSchema } from './municipality';

/**
 * JSON Schema of the municipality file, for people and tools outside Milepæl. Cross-field
 * rules (unique ids, known drivers) cannot be expressed in it; docs/file-format.md lists them.
 */
export function municipalityJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(municipalityFileShapeSchema, { io: 'input', target: 'draft-2020-12' });
  return {
    ...schema,
    $id: 'https://milepael.invalid/schema/municipality.schema.json',
    title: 'Milepæl municipality file',
    description: 'One municipality\'s implementation checklist, progress and notes. See docs/file-format.md.',
  };
}
