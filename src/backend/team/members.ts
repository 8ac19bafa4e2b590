import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic-write';

/** Where a team server keeps its members: beside the documents, never inside one (it is not synced). */
export const MEMBERS_FILE = path.join('team', 'members.json');

export const ROLES = ['editor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Personal keys carry 256 random bits; the prefix makes a pasted key recognisable in a support call. */
const KEY_PREFIX = 'mpk_';
const KEY_PATTERN = /^mpk_[A-Za-z0-9_-]{43}$/;

export const memberNameSchema = z
  .string({ message: 'give the person\'s name, e.g. milepael team add "Projektleder Aarhus" --role editor' })
  .trim()
  .min(1, 'the name must not be empty')
  .max(120, 'the name must be at most 120 characters')
  .refine((name) => [...name].every((c) => c.charCodeAt(0) >= 32), 'the name must not contain control characters');

const memberSchema = z.object({
  name: memberNameSchema,
  role: z.enum(ROLES),
  /** Municipality ids this person may see; empty means every municipality on the server. */
  municipalities: z.array(z.string().min(1).max(120)),
  keyHash: z.string().regex(/^[0-9a-f]{64}$/),
  addedAt: z.string(),
});
export type Member = z.infer<typeof memberSchema>;

const membersFileSchema = z.object({ version: z.literal(1), members: z.array(memberSchema) });

export class MembersFileError extends Error {
  override readonly name = 'MembersFileError';
}

export function membersPath(workspace: string): string {
  return path.join(workspace, MEMBERS_FILE);
}

/** Reads the members; a missing file is an empty team, a damaged one is an error saying where. */
export async function readMembers(workspace: string): Promise<Member[]> {
  const file = membersPath(workspace);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new MembersFileError(`cannot read ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new MembersFileError(`${file} is not valid JSON; restore it from a backup or remove it and add the members again`);
  }
  const parsed = membersFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MembersFileError(`${file} is damaged at ${issue?.path.join('.') ?? '?'}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data.members;
}

async function writeMembers(workspace: string, members: Member[]): Promise<void> {
  const file = membersPath(workspace);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFileAtomic(file, `${JSON.stringify({ version: 1, members }, null, 2)}\n`);
}

export function hashKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function newPersonalKey(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export function sameName(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase('da') === b.trim().toLocaleLowerCase('da');
}

/** Changes within one process run one after the other, so two quick adds cannot lose each other. */
let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(work: () => Promise<T>): Promise<T> {
  const result = queue.then(work, work);
  queue = result.catch(() => undefined);
  return result;
}

export interface AddMemberInput {
  name: string;
  role: Role;
  municipalities: string[];
  now: Date;
}

/** Adds a person and returns their key: the only time it exists outside their hands. */
export function addMember(workspace: string, input: AddMemberInput): Promise<{ member: Member; key: string }> {
  return serialised(() => addMemberNow(workspace, input));
}

async function addMemberNow(workspace: string, input: AddMemberInput): Promise<{ member: Member; key: string }> {
  const members = await readMembers(workspace);
  if (members.some((m) => sameName(m.name, input.name))) {
    throw new MembersFileError(`"${input.name}" is already a member; remove them first to give them a new key`);
  }
  const key = newPersonalKey();
  const member: Member = {
    name: input.name.trim(),
    role: input.role,
    municipalities: [...new Set(input.municipalities)],
    keyHash: hashKey(key),
    addedAt: input.now.toISOString(),
  };
  await writeMembers(workspace, [...members, member]);
  return { member, key };
}

export function removeMember(workspace: string, name: string): Promise<Member> {
  return serialised(() => removeMemberNow(workspace, name));
}

async function removeMemberNow(workspace: string, name: string): Promise<Member> {
  const members = await readMembers(workspace);
  const found = members.find((m) => sameName(m.name, name));
  if (!found) throw new MembersFileError(`"${name}" is not a member; "milepael team list" shows who is`);
  await writeMembers(workspace, members.filter((m) => m !== found));
  return found;
}

/**
 * Finds the member a key belongs to. Every stored hash is compared, in constant time, so
 * neither the position of a match nor a near miss shows in the time taken.
 */
export function memberForKey(members: readonly Member[], key: string | undefined): Member | null {
  if (key === undefined || !KEY_PATTERN.test(key)) return null;
  const given = Buffer.from(hashKey(key), 'hex');
  let found: Member | null = null;
  for (const member of members) {
    if (timingSafeEqual(given, Buffer.from(member.keyHash, 'hex')) && found === null) found = member;
  }
  return found;
}

export function maySee(member: Member, municipalityId: string): boolean {
  return member.municipalities.length === 0 || member.municipalities.includes(municipalityId);
}
