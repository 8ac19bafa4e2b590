import type { MunicipalityFile } from '../schema/municipality';
import type { Reference } from '../schema/pack';
import type { FidelityRound } from '../schema/principles';

export interface FidelityPoint {
  id: string;
  title: string;
  text: string;
}

/** The points of the municipality's fidelity checklist (e.g. the five cornerstones); empty when the pack has none. */
export function fidelityPoints(file: MunicipalityFile): FidelityPoint[] {
  return fidelityPointsOf(file.framework.references ?? []);
}

/** The same from a list of references, e.g. the pack's, for files made before references were copied in. */
export function fidelityPointsOf(references: readonly Reference[]): FidelityPoint[] {
  const reference = references.find((r) => r.fidelity === true);
  if (!reference) return [];
  return reference.items.flatMap((item) => (item.id === undefined ? [] : [{ id: item.id, title: item.title, text: item.text }]));
}

/** The fidelity checklist's title, e.g. "De fem hjørnesten"; null when the pack has none. */
export function fidelityTitle(file: MunicipalityFile): string | null {
  return file.framework.references?.find((r) => r.fidelity === true)?.title ?? null;
}

/** In what share of the conferences looked at a point was met; null when none were looked at. */
export function fidelityPercent(round: FidelityRound, pointId: string): number | null {
  if (round.reviewed === 0) return null;
  const met = round.met.find((m) => m.pointId === pointId)?.count ?? 0;
  return (met / round.reviewed) * 100;
}

/** Rounds with the same id are replaced; a new one goes last. Kept in the order they were recorded. */
export function withFidelityRound(file: MunicipalityFile, round: FidelityRound): MunicipalityFile {
  const rounds = file.fidelity?.rounds ?? [];
  const exists = rounds.some((r) => r.id === round.id);
  return { ...file, fidelity: { rounds: exists ? rounds.map((r) => (r.id === round.id ? round : r)) : [...rounds, round] } };
}

export function withoutFidelityRound(file: MunicipalityFile, roundId: string): MunicipalityFile | null {
  const rounds = file.fidelity?.rounds ?? [];
  if (!rounds.some((r) => r.id === roundId)) return null;
  return { ...file, fidelity: { rounds: rounds.filter((r) => r.id !== roundId) } };
}
