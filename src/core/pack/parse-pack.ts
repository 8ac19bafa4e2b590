import type { Problem, Result } from '../schema/common';
import { problemsFromZod } from '../schema/common';
import {
  milestoneFrontMatterSchema,
  packManifestSchema,
  packSchema,
  type Pack,
  type PackManifest,
  type PackMilestone,
} from '../schema/pack';
import { parseFrontMatter, parseYaml } from './front-matter';
import { withEvaluationFile } from '../evaluation/pack-file';

/** One file of a pack folder; `path` is relative to the folder, with forward slashes. */
export interface PackFile {
  path: string;
  text: string;
}

export const MANIFEST_FILE = 'pack.yml';
export const MILESTONE_DIR = 'milestones/';

/**
 * Builds a validated pack from the files of a pack folder. Reads nothing itself, so the
 * same code validates packs on disk, in tests and in an editor. `label` prefixes file names
 * in problems (usually the folder path) so a pack author can find the file.
 */
export function parsePack(files: readonly PackFile[], label = ''): Result<Pack> {
  const name = (path: string) => (label === '' ? path : `${label}/${path}`);
  const problems: Problem[] = [];

  const manifestFile = files.find((f) => f.path === MANIFEST_FILE);
  if (!manifestFile) {
    return { ok: false, problems: [{ file: name(MANIFEST_FILE), field: '(file)', message: 'missing: every pack needs a pack.yml manifest' }] };
  }
  let manifest: PackManifest | undefined;
  const manifestYaml = parseYaml(manifestFile.text, name(MANIFEST_FILE));
  if (!manifestYaml.ok) problems.push(...manifestYaml.problems);
  else {
    const parsed = packManifestSchema.safeParse(manifestYaml.value);
    if (parsed.success) manifest = parsed.data;
    else problems.push(...problemsFromZod(parsed.error, name(MANIFEST_FILE)));
  }

  const milestoneFiles = files
    .filter((f) => f.path.startsWith(MILESTONE_DIR) && f.path.endsWith('.md'))
    .sort((a, b) => a.path.localeCompare(b.path));
  if (milestoneFiles.length === 0) {
    problems.push({ file: name(MILESTONE_DIR), field: '(folder)', message: 'no milestone files: add milestones/NN-name.md files' });
  }

  const milestones: PackMilestone[] = [];
  for (const file of milestoneFiles) {
    const doc = parseFrontMatter(file.text, name(file.path));
    if (!doc.ok) {
      problems.push(...doc.problems);
      continue;
    }
    const parsed = milestoneFrontMatterSchema.safeParse(doc.value.data);
    if (!parsed.success) {
      problems.push(...problemsFromZod(parsed.error, name(file.path)));
      continue;
    }
    milestones.push({ ...parsed.data, intro: doc.value.body, file: file.path });
  }

  if (manifest === undefined || milestones.length === 0) return { ok: false, problems };

  // Cross-checks run on the milestones that parsed, so an author sees every problem in one go.
  const pack = packSchema.parse({ ...manifest, milestones });
  const all = [...problems, ...checkPackReferences(pack, name)];
  return all.length > 0 ? { ok: false, problems: all } : withEvaluationFile(pack, files, name);
}

/** Checks what the schemas cannot see alone: unique ids and references between parts. */
export function checkPackReferences(pack: Pack, name: (path: string) => string = (p) => p): Problem[] {
  const problems: Problem[] = [];
  const manifest = name(MANIFEST_FILE);
  const add = (file: string, field: string, message: string) => problems.push({ file, field, message });

  const duplicates = (ids: readonly string[], file: string, field: (index: number) => string, what: string) => {
    const seen = new Set<string>();
    ids.forEach((id, index) => {
      if (seen.has(id)) add(file, field(index), `duplicate ${what} id "${id}"`);
      seen.add(id);
    });
  };

  duplicates(pack.sources.map((s) => s.id), manifest, (i) => `sources[${i}].id`, 'source');
  duplicates(pack.drivers.map((d) => d.id), manifest, (i) => `drivers[${i}].id`, 'driver');
  duplicates(pack.phases.map((p) => p.id), manifest, (i) => `phases[${i}].id`, 'phase');
  duplicates(pack.maturityBands.map((b) => b.id), manifest, (i) => `maturityBands[${i}].id`, 'maturity band');
  duplicates(pack.flows.map((f) => f.id), manifest, (i) => `flows[${i}].id`, 'flow');
  duplicates(pack.references.map((r) => r.id), manifest, (i) => `references[${i}].id`, 'reference');
  duplicates(pack.roles.map((r) => r.id), manifest, (i) => `roles[${i}].id`, 'role');
  // Roles are matched to the municipality's own list by name, so two roles may not share one.
  const roleNames = new Set<string>();
  pack.roles.forEach((role, i) => {
    for (const [key, name] of [['name', role.name], ['en.name', role.en?.name]] as const) {
      const normal = name?.trim().toLocaleLowerCase('da');
      if (normal === undefined || (key === 'en.name' && normal === role.name.trim().toLocaleLowerCase('da'))) continue;
      if (roleNames.has(normal)) add(manifest, `roles[${i}].${key}`, `duplicate role name "${name}"`);
      roleNames.add(normal);
    }
  });
  // Focus area ids are unique across phases, because a milestone may name one from any phase.
  const areaPaths = pack.phases.flatMap((phase, p) => phase.focusAreas.map((_, i) => `phases[${p}].focusAreas[${i}].id`));
  duplicates(pack.phases.flatMap((p) => p.focusAreas.map((a) => a.id)), manifest, (i) => areaPaths[i] ?? 'phases', 'focus area');

  const bands = pack.maturityBands;
  if (bands[0] && bands[0].min !== 0) add(manifest, 'maturityBands[0].min', 'the first maturity band must start at 0');
  bands.forEach((band, i) => {
    const previous = bands[i - 1];
    if (previous && band.min <= previous.min) add(manifest, `maturityBands[${i}].min`, `must be higher than the band before it (${previous.min})`);
  });

  const sourceIds = new Set(pack.sources.map((s) => s.id));
  const phaseIds = new Set(pack.phases.map((p) => p.id));
  const driverIds = new Set(pack.drivers.map((d) => d.id));
  const focusAreaIds = new Set(pack.phases.flatMap((p) => p.focusAreas.map((a) => a.id)));

  pack.flows.forEach((flow, f) => {
    if (flow.source !== undefined && !sourceIds.has(flow.source)) add(manifest, `flows[${f}].source`, `unknown source "${flow.source}"`);
    duplicates(flow.steps.map((s) => s.id), manifest, (i) => `flows[${f}].steps[${i}].id`, 'flow step');
    const earlier = new Set<string>();
    flow.steps.forEach((step, s) => {
      if (step.phase !== undefined && !phaseIds.has(step.phase)) add(manifest, `flows[${f}].steps[${s}].phase`, `unknown phase "${step.phase}"; known: ${[...phaseIds].join(', ')}`);
      step.dependsOn.forEach((dep, d) => {
        // Steps are listed in order, so depending only on earlier steps also rules out cycles.
        if (!earlier.has(dep)) add(manifest, `flows[${f}].steps[${s}].dependsOn[${d}]`, `"${dep}" is not an earlier step of this flow`);
      });
      earlier.add(step.id);
    });
  });
  pack.references.forEach((ref, r) => {
    if (ref.source !== undefined && !sourceIds.has(ref.source)) add(manifest, `references[${r}].source`, `unknown source "${ref.source}"`);
    if (ref.fidelity === true) {
      // Fidelity rounds count per point by id, so every point needs one.
      ref.items.forEach((item, i) => {
        if (item.id === undefined) add(manifest, `references[${r}].items[${i}].id`, 'missing: every point of a fidelity checklist needs an id');
      });
      duplicates(ref.items.flatMap((item) => (item.id === undefined ? [] : [item.id])), manifest, (i) => `references[${r}].items[${i}].id`, 'fidelity point');
    }
  });
  if (pack.references.filter((ref) => ref.fidelity === true).length > 1) add(manifest, 'references', 'only one reference can be the fidelity checklist (fidelity: true)');

  const milestoneIds = new Map<string, string>();
  for (const milestone of pack.milestones) {
    const file = name(milestone.file);
    const other = milestoneIds.get(milestone.id);
    if (other !== undefined) add(file, 'id', `duplicate milestone id "${milestone.id}" (also used in ${name(other)})`);
    milestoneIds.set(milestone.id, milestone.file);
    if (!driverIds.has(milestone.driver)) add(file, 'driver', `unknown driver "${milestone.driver}"; known: ${[...driverIds].join(', ')}`);
    if (!phaseIds.has(milestone.phase)) add(file, 'phase', `unknown phase "${milestone.phase}"; known: ${[...phaseIds].join(', ')}`);
    // A focus area may belong to another phase than the milestone: the 2008 report, for one, counts
    // targets set during mobilisation as part of anchoring the method (forankring).
    milestone.focusAreas.forEach((area, i) => {
      if (!focusAreaIds.has(area)) add(file, `focusAreas[${i}]`, `unknown focus area "${area}"; known: ${[...focusAreaIds].join(', ')}`);
    });
    duplicates(milestone.questions.map((q) => q.id), file, (i) => `questions[${i}].id`, 'question');
    duplicates(milestone.principles.map((p) => p.id), file, (i) => `principles[${i}].id`, 'principle');
    milestone.principles.forEach((principle, p) =>
      duplicates(principle.signs.map((s) => s.id), file, (i) => `principles[${p}].signs[${i}].id`, 'observable sign'),
    );
    // The English resource notes stand beside the Danish ones by position, so there must be as many.
    const englishNotes = milestone.en?.resourceNotes;
    if (englishNotes !== undefined && englishNotes.length !== milestone.resourceNotes.length) {
      add(file, 'en.resourceNotes', `has ${englishNotes.length} note${englishNotes.length === 1 ? '' : 's'}; give one English note for each of the ${milestone.resourceNotes.length} in resourceNotes, in the same order`);
    }
  }
  return problems;
}
