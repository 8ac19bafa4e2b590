// Regenerates docs/municipality.schema.json from the zod schema; a test fails when it is stale.
import { writeFile } from 'node:fs/promises';
import { municipalityJsonSchema } from '../src/core/schema/json-schema';

export const JSON_SCHEMA_PATH = new URL('../docs/municipality.schema.json', import.meta.url);

await writeFile(JSON_SCHEMA_PATH, `${JSON.stringify(municipalityJsonSchema(), null, 2)}\n`);
console.log('wrote docs/municipality.schema.json');
