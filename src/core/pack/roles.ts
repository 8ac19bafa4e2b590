import type { PackRole } from '../schema/pack';
import type { Steering, SteeringRole } from '../schema/steering';

/*
 * The method's roles are read from the pack when they are needed (plan export, the Styring tab),
 * not copied into the municipality file: they are reference text like the cornerstones, the
 * municipality never edits them, and what it does own (who holds a role, in its own words) already
 * lives in its steering roles list. So new or reworded pack roles reach every municipality without
 * a pack update or a file migration, and a file keeps no second copy that could fall out of date.
 * A plan made without the pack at hand shows the municipality's own roles and owners, as before.
 */

const normal = (name: string) => name.trim().toLocaleLowerCase('da');

/** A row of the municipality's list names this role when it spells its Danish or English name, in any case. */
export function namesRole(role: PackRole, name: string): boolean {
  const wanted = normal(name);
  return wanted !== '' && (normal(role.name) === wanted || (role.en !== undefined && normal(role.en.name) === wanted));
}

/** The pack's roles the municipality's list does not name yet, in the pack's order. */
export function missingPackRoles(steering: Pick<Steering, 'roles'>, roles: readonly PackRole[]): PackRole[] {
  return roles.filter((role) => !steering.roles.some((row) => namesRole(role, row.role)));
}

/**
 * "Tilføj metodens roller": the steering block with a row for each missing pack role (name and task
 * as the pack gives them, holder empty for the project leader to fill in). Written in the pack's
 * own language, as every pack text in the file is; the English plan shows the pack's English for
 * a row whose text is still the pack's. Returns the same object when nothing is missing.
 */
export function withPackRoles(steering: Steering, roles: readonly PackRole[], newId: () => string): Steering {
  const missing = missingPackRoles(steering, roles);
  if (missing.length === 0) return steering;
  return { ...steering, roles: [...steering.roles, ...missing.map((role) => ({ id: newId(), role: role.name, holder: '', task: role.task }))] };
}

/** One row of the plan's role table. */
export interface PlanRole {
  role: string;
  /** Who holds it; empty when nobody does. */
  holder: string;
  task: string;
  /** A role the method names (listed first, and marked "ikke besat" while nobody holds it). */
  method: boolean;
}

/**
 * The pack's roles first, each with the holders the municipality wrote for it, then the
 * municipality's other roles. A task the municipality wrote itself is its own words and is kept;
 * a task still as the pack gave it is shown in the plan's language.
 */
export function planRoles(own: readonly SteeringRole[], roles: readonly PackRole[], language: 'da' | 'en'): PlanRole[] {
  const used = new Set<SteeringRole>();
  const fromMethod = roles.map((role): PlanRole => {
    const rows = own.filter((row) => namesRole(role, row.role));
    for (const row of rows) used.add(row);
    const holders = [...new Set(rows.map((r) => r.holder.trim()).filter((h) => h !== ''))];
    const packTasks = new Set([role.task.trim(), role.en?.task?.trim()]);
    const ownTask = rows.map((r) => r.task.trim()).find((t) => t !== '' && !packTasks.has(t));
    const en = language === 'en' ? role.en : undefined;
    return {
      role: en?.name ?? role.name,
      holder: holders.join('; '),
      task: ownTask ?? en?.task ?? role.task,
      method: true,
    };
  });
  const others = own.filter((row) => !used.has(row)).map((row): PlanRole => ({ role: row.role, holder: row.holder, task: row.task, method: false }));
  return [...fromMethod, ...others];
}
