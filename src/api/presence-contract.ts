import { z } from 'zod';
import { authorSchema } from './live-contract';

const id = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be a municipality id').max(120);

/** "Who else has this municipality open" (team server); spread into the contract. */
export const presenceContract = {
  'municipality.presence': {
    /** Asked every few seconds while the municipality is open; `name` is who is asking. */
    input: z.object({ id, name: authorSchema }).strict(),
    /** The others, by name; empty when the workspace is not on a team server. */
    output: z.object({ names: z.array(z.string()) }),
  },
} as const;
