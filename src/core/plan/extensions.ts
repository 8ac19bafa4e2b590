import type { EnglishTitle, PackRole } from '../schema/pack';

/**
 * Sections other parts of Milepæl plug into the plan (the evaluation, the change log since the
 * last round, …) without touching the renderers: a title and plain blocks every format can show.
 */
export type PlanBlock =
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] };

export interface PlanExtraSection {
  id: string;
  title: string;
  blocks: PlanBlock[];
}

/** What the plan can be given besides the municipality file. */
export interface PlanContext {
  /** The pack's references; the one with id "hjoernesten" becomes the introduction's cornerstones (in English where the pack gives it). */
  references?: ReadonlyArray<{
    id: string;
    title: string;
    en?: EnglishTitle | undefined;
    items: ReadonlyArray<{ title: string; text: string; en?: { title: string; text?: string | undefined } | undefined }>;
  }>;
  /** The method's roles, listed first in the role table (src/core/pack/roles.ts says why they are not in the file). */
  roles?: readonly PackRole[];
  /** The evaluation section (src/core/evaluation), shown after the action plan. */
  evaluation?: PlanExtraSection | null;
  /** Further sections in the body, after the evaluation. */
  extraSections?: readonly PlanExtraSection[];
  /** Appendices before the sources, e.g. "Ændringer siden sidste statusmåling". */
  appendices?: readonly PlanExtraSection[];
}
