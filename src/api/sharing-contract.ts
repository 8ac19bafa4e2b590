import { z } from 'zod';

/** What the start screen's panel shows of the way this app works with the team. */
export const sharingStateSchema = z.object({
  mode: z.enum(['alone', 'folder', 'server']),
  engine: z.boolean(),
  location: z.string(),
  /** The page may look but not change anything (a viewer on the team server, or a viewer's key in the app). */
  readOnly: z.boolean().default(false),
  /** The app can switch mode here (not on the team server's read-only page, nor from the command line). */
  switchable: z.boolean().default(false),
  /**
   * The folder was named when the app was started (--workspace or MILEPAEL_WORKSPACE) and is used for
   * this run: a folder, not necessarily shared with anyone, so the panel does not call it shared.
   */
  fixed: z.boolean().default(false),
  /** The shared folder last chosen, to offer it again. */
  folder: z.string().optional(),
  server: z
    .object({
      url: z.string(),
      /** Never the key itself: enough to recognise it. */
      maskedKey: z.string().nullable(),
      connection: z.enum(['connected', 'offline', 'refused']),
    })
    .optional(),
});
export type SharingState = z.infer<typeof sharingStateSchema>;

const text = (max: number, empty: string) => z.string().trim().min(1, empty).max(max);

/** The choice made in the panel; the backend checks it further (folder writable, address, key). */
export const sharingChoiceSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('alone') }).strict(),
  z.object({ mode: z.literal('folder'), folder: text(1000, 'skriv stien til den delte mappe (enter the shared folder)') }).strict(),
  z
    .object({
      mode: z.literal('server'),
      url: text(500, 'skriv teamserverens adresse, fx https://milepael.kommune.dk:8740 (enter the team server address)'),
      /** Left out to keep the key already saved for the same server. */
      key: z.string().trim().max(200).optional(),
    })
    .strict(),
]);
export type SharingChoice = z.infer<typeof sharingChoiceSchema>;

/** Switching between alone, shared folder and team server without a restart; spread into the contract. */
export const sharingContract = {
  'workspace.setSharing': { input: sharingChoiceSchema, output: sharingStateSchema },
} as const;
