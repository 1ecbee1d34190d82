// Response shapes of the evidence-base JSON API (and the OpenAPI schemas), with presenters that
// turn repository objects into JSON (dates as ISO strings). Offsets are Unicode code points.
import { z } from 'zod';
import type {
  Case,
  Code,
  Coding,
  EvidenceRecord,
  EvidenceVersion,
  LineOfEnquiry,
  Memo,
} from '../../../domain/evidence/records.js';

/** Query-string booleans: "true"/"1" and "false"/"0". */
export const flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((v) => v === true || v === 'true' || v === '1');

const Person = z.object({ id: z.string().nullable(), label: z.string() });
const CaseRefSchema = z.object({ id: z.string(), reference: z.string() }).nullable();

export const EvidenceSchema = z.object({
  id: z.string(),
  guid: z.string(),
  activityId: z.string(),
  refNo: z.number(),
  reference: z.string(),
  version: z.number(),
  text: z.string().describe('Full text, or the first 240 characters in lists'),
  textLength: z.number().describe('Length of the full text in code points'),
  method: z.string(),
  observedOn: z.string(),
  childCase: CaseRefSchema,
  practitionerCase: CaseRefSchema,
  teamCase: CaseRefSchema,
  locality: z.string().nullable(),
  lineOfEnquiryId: z.string().nullable(),
  lineOfEnquiryTitle: z.string().nullable(),
  judgementAreas: z.array(z.string()),
  minutesSpent: z.number().nullable(),
  childVoice: z.boolean(),
  livedExperience: z.boolean(),
  direction: z.string().nullable(),
  consent: z
    .object({
      infoSheetGiven: z.boolean().nullable(),
      consentGiven: z.boolean().nullable(),
      givenBy: z.string().nullable(),
    })
    .nullable(),
  sourceKind: z.string(),
  sourceFile: z.string().nullable(),
  recordedBy: Person,
  recordedAt: z.string(),
  updatedBy: Person,
  updatedAt: z.string(),
  deleted: z.object({ at: z.string(), by: Person, reason: z.string().nullable() }).nullable(),
});

export function presentEvidence(r: EvidenceRecord): z.input<typeof EvidenceSchema> {
  return {
    id: r.id,
    guid: r.guid,
    activityId: r.activityId,
    refNo: r.refNo,
    reference: r.reference,
    version: r.version,
    text: r.text,
    textLength: r.textLength,
    method: r.method,
    observedOn: r.observedOn,
    childCase: r.childCase,
    practitionerCase: r.practitionerCase,
    teamCase: r.teamCase,
    locality: r.locality,
    lineOfEnquiryId: r.lineOfEnquiryId,
    lineOfEnquiryTitle: r.lineOfEnquiryTitle,
    judgementAreas: r.judgementAreas,
    minutesSpent: r.minutesSpent,
    childVoice: r.childVoice,
    livedExperience: r.livedExperience,
    direction: r.direction,
    consent: r.consent,
    sourceKind: r.sourceKind,
    sourceFile: r.sourceFile,
    recordedBy: r.recordedBy,
    recordedAt: r.recordedAt.toISOString(),
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
    deleted: r.deleted ? { ...r.deleted, at: r.deleted.at.toISOString() } : null,
  };
}

export const VersionSchema = z.object({
  version: z.number(),
  text: z.string(),
  fields: z.record(z.string(), z.unknown()),
  createdBy: Person,
  createdAt: z.string(),
});

export function presentVersion(v: EvidenceVersion): z.input<typeof VersionSchema> {
  return {
    version: v.version,
    text: v.text,
    fields: { ...v.fields },
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

export const CodingSchema = z.object({
  id: z.string(),
  guid: z.string(),
  evidenceId: z.string(),
  evidenceReference: z.string(),
  evidenceVersion: z.number(),
  codeId: z.string(),
  codeName: z.string(),
  start: z.number().describe('Code points, 0-based, inclusive'),
  end: z.number().describe('Code points, 0-based, exclusive'),
  spanText: z.string(),
  anchorStatus: z.enum(['ok', 'moved', 'lost']),
  coder: Person,
  createdAt: z.string(),
});

export function presentCoding(c: Coding): z.input<typeof CodingSchema> {
  return {
    id: c.id,
    guid: c.guid,
    evidenceId: c.evidenceId,
    evidenceReference: c.evidenceReference,
    evidenceVersion: c.evidenceVersion,
    codeId: c.codeId,
    codeName: c.codeName,
    start: c.start,
    end: c.end,
    spanText: c.spanText,
    anchorStatus: c.anchorStatus,
    coder: c.coder,
    createdAt: c.createdAt.toISOString(),
  };
}

export const CodeSchema = z.object({
  id: z.string(),
  guid: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  description: z.string().nullable(),
  colour: z.string().nullable(),
  isCodable: z.boolean(),
  source: z.string(),
  frameworkKey: z.string().nullable(),
  sortOrder: z.number(),
  mergedIntoId: z.string().nullable(),
  version: z.number(),
  createdBy: Person,
  createdAt: z.string(),
  codingCount: z.number(),
  depth: z.number().optional(),
  path: z.array(z.string()).optional(),
});

export function presentCode(
  c: Code & { depth?: number; path?: string[] },
): z.input<typeof CodeSchema> {
  return {
    id: c.id,
    guid: c.guid,
    parentId: c.parentId,
    name: c.name,
    description: c.description,
    colour: c.colour,
    isCodable: c.isCodable,
    source: c.source,
    frameworkKey: c.frameworkKey,
    sortOrder: c.sortOrder,
    mergedIntoId: c.mergedIntoId,
    version: c.version,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    codingCount: c.codingCount,
    ...(c.depth !== undefined ? { depth: c.depth } : {}),
    ...(c.path !== undefined ? { path: c.path } : {}),
  };
}

export const CaseSchema = z.object({
  id: z.string(),
  guid: z.string(),
  kind: z.string(),
  reference: z.string(),
  description: z.string().nullable(),
  attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  version: z.number(),
  createdBy: Person,
  createdAt: z.string(),
  evidenceCount: z.number(),
});

export function presentCase(c: Case): z.input<typeof CaseSchema> {
  return {
    id: c.id,
    guid: c.guid,
    kind: c.kind,
    reference: c.reference,
    description: c.description,
    attributes: c.attributes,
    version: c.version,
    createdBy: c.createdBy,
    createdAt: c.createdAt.toISOString(),
    evidenceCount: c.evidenceCount,
  };
}

export const MemoSchema = z.object({
  id: z.string(),
  guid: z.string(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  version: z.number(),
  createdBy: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
});

export function presentMemo(m: Memo): z.input<typeof MemoSchema> {
  return {
    id: m.id,
    guid: m.guid,
    targetType: m.targetType,
    targetId: m.targetId,
    title: m.title,
    text: m.text,
    version: m.version,
    createdBy: m.createdBy,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}

export const LineOfEnquirySchema = z.object({
  id: z.string(),
  guid: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: z.string(),
  conclusion: z.string().nullable(),
  source: z.string(),
  judgementAreas: z.array(z.string()),
  version: z.number(),
  createdBy: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
  evidenceCount: z.number(),
});

export function presentLine(l: LineOfEnquiry): z.input<typeof LineOfEnquirySchema> {
  return {
    id: l.id,
    guid: l.guid,
    title: l.title,
    description: l.description,
    status: l.status,
    conclusion: l.conclusion,
    source: l.source,
    judgementAreas: l.judgementAreas,
    version: l.version,
    createdBy: l.createdBy,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
    evidenceCount: l.evidenceCount,
  };
}
