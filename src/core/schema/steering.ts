import { z } from 'zod';
import { isoDateSchema, nonEmptyText } from './common';

/**
 * What the project leader keeps for the steering group: decisions it must take, risks and
 * barriers, the decision log, resources and document control. All optional, so older files stay
 * valid. Texts are about the project, never about a family or a child.
 */

const steeringId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-"').max(120);

/** A checklist item the steering group must decide on: what, who brings it, by when. */
export const steeringDecisionFlagSchema = z.strictObject({
  text: nonEmptyText(300),
  owner: z.string().trim().max(200).default(''),
  date: isoDateSchema.optional(),
});
export type SteeringDecisionFlag = z.infer<typeof steeringDecisionFlagSchema>;

export const LEVELS = ['low', 'medium', 'high'] as const;

export const riskSchema = z.strictObject({
  id: steeringId,
  kind: z.enum(['risk', 'barrier']),
  text: nonEmptyText(500),
  likelihood: z.enum(LEVELS).default('medium'),
  impact: z.enum(LEVELS).default('medium'),
  response: z.string().trim().max(1000).default(''),
  owner: z.string().trim().max(200).default(''),
  open: z.boolean().default(true),
  date: isoDateSchema.optional(),
});
export type Risk = z.infer<typeof riskSchema>;

/**
 * A decision taken, in which forum and when: the steering group's memory. The date may be unknown
 * (a decision written down afterwards, or a wrong date cleared), and a cleared field must stay cleared.
 */
export const decisionLogEntrySchema = z.strictObject({
  id: steeringId,
  date: isoDateSchema.optional(),
  text: nonEmptyText(1000),
  forum: z.string().trim().max(200).default(''),
});
export type DecisionLogEntry = z.infer<typeof decisionLogEntrySchema>;

export const RESOURCE_KINDS = ['training', 'coordinators', 'catering', 'premises', 'funding', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const resourceSchema = z.strictObject({
  id: steeringId,
  kind: z.enum(RESOURCE_KINDS),
  text: nonEmptyText(500),
  /** Free form on purpose ("120.000 kr.", "3 dage", "12 samordnere"). */
  amount: z.string().trim().max(100).default(''),
  owner: z.string().trim().max(200).default(''),
  dueDate: isoDateSchema.optional(),
  secured: z.boolean().default(false),
});
export type Resource = z.infer<typeof resourceSchema>;

export const roleSchema = z.strictObject({
  id: steeringId,
  role: nonEmptyText(200),
  /** A function or team ("Afdelingsleder, myndighed"), as the owners elsewhere. */
  holder: z.string().trim().max(200).default(''),
  task: z.string().trim().max(500).default(''),
});
export type SteeringRole = z.infer<typeof roleSchema>;

export const steeringSchema = z.strictObject({
  risks: z.array(riskSchema).max(500).default([]),
  decisions: z.array(decisionLogEntrySchema).max(2000).default([]),
  resources: z.array(resourceSchema).max(500).default([]),
  roles: z.array(roleSchema).max(200).default([]),
  nextStatusMeeting: isoDateSchema.optional(),
  approval: z
    .strictObject({
      preparedBy: z.string().trim().max(200).default(''),
      approvedBy: z.string().trim().max(200).default(''),
      approvedOn: isoDateSchema.optional(),
    })
    .optional(),
});
export type Steering = z.infer<typeof steeringSchema>;
export type SteeringInput = z.input<typeof steeringSchema>;

export const EMPTY_STEERING: Steering = { risks: [], decisions: [], resources: [], roles: [] };
