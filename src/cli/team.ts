export { TEAM_HELP } from './team-help';
import path from 'node:path';
import { z } from 'zod';
import { addMember, memberNameSchema, MembersFileError, readMembers, removeMember, ROLES } from '../backend/team/members';
import { checkArgs, parseCommandArgs, UsageError } from './args';


interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now?: () => Date;
}

const workspaceArg = z.string({ message: 'missing --workspace DIR: the folder the team server serves' }).min(1, '--workspace must not be empty');
const municipalityId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'a --municipality must be a municipality id (see "milepael log" or the file\'s "id")').max(120);

const addArgs = z.object({
  name: memberNameSchema,
  workspace: workspaceArg,
  role: z.enum(ROLES, { message: '--role must be editor or viewer' }),
  municipality: z.array(municipalityId).default([]),
});
const removeArgs = z.object({ name: memberNameSchema, workspace: workspaceArg });
const listArgs = z.object({ workspace: workspaceArg, json: z.boolean().optional() });

/** `milepael team add|list|remove`; returns the exit code. */
export async function teamCommand(args: readonly string[], io: Io): Promise<number> {
  const [sub, ...rest] = args;
  try {
    switch (sub) {
      case 'add':
        return await add(rest, io);
      case 'list':
        return await list(rest, io);
      case 'remove':
        return await remove(rest, io);
      default:
        throw new UsageError(`"milepael team" needs add, list or remove${sub === undefined ? '' : `, not "${sub}"`} (see "milepael help team")`);
    }
  } catch (error) {
    if (error instanceof MembersFileError) {
      io.err(`milepael: ${error.message}`);
      return 1;
    }
    throw error;
  }
}

function oneName(positionals: string[]): string | undefined {
  if (positionals.length > 1) throw new UsageError(`expected one name but got ${positionals.length}; put a name with spaces in quotes`);
  return positionals[0];
}

async function add(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { workspace: { type: 'string' }, role: { type: 'string' }, municipality: { type: 'string', multiple: true } },
    'team',
  );
  const input = checkArgs(addArgs, { name: oneName(positionals), ...values }, 'team');
  const { member, key } = await addMember(path.resolve(input.workspace), {
    name: input.name,
    role: input.role,
    municipalities: input.municipality,
    now: (io.now ?? (() => new Date()))(),
  });
  const scope = member.municipalities.length === 0 ? 'all municipalities' : member.municipalities.join(', ');
  io.out(`Added ${member.name} (${member.role}; ${scope}). Their personal key, shown only this once:`);
  io.out(key);
  io.out('Give it to them in person or through a secure channel. Lost keys cannot be shown again: remove and add them.');
  return 0;
}

async function list(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { workspace: { type: 'string' }, json: { type: 'boolean' } }, 'team');
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}" (see "milepael help team")`);
  const input = checkArgs(listArgs, values, 'team');
  const members = await readMembers(path.resolve(input.workspace));
  const visible = members.map(({ name, role, municipalities, addedAt }) => ({ name, role, municipalities, addedAt }));
  if (input.json === true) io.out(JSON.stringify(visible, null, 2));
  else if (visible.length === 0) io.out('No members yet: milepael team add "<name>" --workspace DIR --role editor|viewer');
  else for (const m of visible) io.out(`${m.name}  ${m.role}  ${m.municipalities.length === 0 ? 'all municipalities' : m.municipalities.join(', ')}  (added ${m.addedAt.slice(0, 10)})`);
  return 0;
}

async function remove(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { workspace: { type: 'string' } }, 'team');
  const input = checkArgs(removeArgs, { name: oneName(positionals), ...values }, 'team');
  const removed = await removeMember(path.resolve(input.workspace), input.name);
  io.out(`Removed ${removed.name}; their key no longer works.`);
  return 0;
}
