import type { Result } from '../schema/common';
import type { Pack } from '../schema/pack';
import { parseYaml } from '../pack/front-matter';
import { EVALUATION_FILE, parseEvaluationDefinition } from './definition';

/** Adds the pack folder's evaluation.yml, when there is one, to a pack parsed from pack.yml and milestones. */
export function withEvaluationFile(pack: Pack, files: ReadonlyArray<{ path: string; text: string }>, name: (path: string) => string): Result<Pack> {
  const file = files.find((f) => f.path === EVALUATION_FILE);
  if (!file) return { ok: true, value: pack };
  const yaml = parseYaml(file.text, name(EVALUATION_FILE));
  if (!yaml.ok) return yaml;
  const outline = { drivers: pack.drivers.map((d) => d.id), phases: pack.phases.map((p) => p.id), milestones: pack.milestones.map((m) => m.id) };
  const parsed = parseEvaluationDefinition(yaml.value, outline, name(EVALUATION_FILE));
  return parsed.ok ? { ok: true, value: { ...pack, evaluation: parsed.value } } : parsed;
}
