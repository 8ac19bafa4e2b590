import { parseDocument } from 'yaml';
import type { Problem, Result } from '../schema/common';

/** Parses YAML text, turning syntax errors into problems with a line number. */
export function parseYaml(text: string, file: string): Result<unknown> {
  if (text.length > MAX_YAML_CHARS) return { ok: false, problems: [{ file, field: '(file)', message: `too large: ${text.length} characters, at most ${MAX_YAML_CHARS}` }] };
  try {
    return parseYamlUnchecked(text, file);
  } catch (error) {
    // Pathological input (nesting deep enough to exhaust the stack, alias bombs) must not escape as a crash.
    return { ok: false, problems: [{ file, field: '(yaml)', message: `cannot be read: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` }] };
  }
}

/** A pack file is a page or two of text; anything near this size is not a pack. */
const MAX_YAML_CHARS = 1_000_000;

function parseYamlUnchecked(text: string, file: string): Result<unknown> {
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error): Problem => {
        const line = error.linePos?.[0]?.line;
        return { file, field: line === undefined ? '(yaml)' : `line ${line}`, message: `not valid YAML: ${firstLine(error.message)}` };
      }),
    };
  }
  return { ok: true, value: doc.toJS({ maxAliasCount: 100 }) as unknown };
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

export interface FrontMatterDocument {
  data: unknown;
  body: string;
}

const FRONT_MATTER = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)([\s\S]*)$/;

/** Splits a Markdown file into its YAML front matter and its body. */
export function parseFrontMatter(text: string, file: string): Result<FrontMatterDocument> {
  const match = FRONT_MATTER.exec(text);
  if (!match) {
    return {
      ok: false,
      problems: [{ file, field: '(front matter)', message: 'the file must start with YAML front matter between two "---" lines' }],
    };
  }
  const yaml = parseYaml(match[1] ?? '', file);
  if (!yaml.ok) return yaml;
  return { ok: true, value: { data: yaml.value, body: (match[2] ?? '').trim() } };
}
