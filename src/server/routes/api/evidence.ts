// JSON API for evidence capture: /api/v1/activities/:id/evidence. Records are listed under the
// framework's judgement headings by default (?by=person|day|case|team|theme|... for other views).
import { z } from 'zod';
import type { Actor } from '../../../domain/access/actor.js';
import { AppError } from '../../../errors.js';
import { deleteEvidence } from '../../../usecases/evidence/delete-evidence.js';
import { editEvidence, EditEvidenceInput } from '../../../usecases/evidence/edit-evidence.js';
import { getEvidence } from '../../../usecases/evidence/get-evidence.js';
import {
  importEvidenceFile,
  ImportEvidenceFileInput,
} from '../../../usecases/evidence/import-evidence-file.js';
import { listEvidence, ListEvidenceInput } from '../../../usecases/evidence/list-evidence.js';
import { recordEvidence, RecordEvidenceInput } from '../../../usecases/evidence/record-evidence.js';
import { restoreEvidence } from '../../../usecases/evidence/restore-evidence.js';
import { defineApiRoute, registerApiRoutes } from '../../api-registry.js';
import type { RouteModule } from '../index.js';
import { AttachmentSchema, presentAttachment } from './attachments.js';
import {
  CodingSchema,
  EvidenceSchema,
  flag,
  MemoSchema,
  presentCoding,
  presentEvidence,
  presentMemo,
  presentVersion,
  VersionSchema,
} from './evidence-schemas.js';

const ListQuery = ListEvidenceInput.omit({ activityId: true, fullText: true }).extend({
  fullText: flag.optional(),
});

const ListResponse = z.object({
  by: z.string(),
  total: z.number(),
  areas: z.array(z.object({ key: z.string(), title: z.string() })),
  groups: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      count: z.number().describe('All the records in the group; `records` may hold fewer'),
      records: z.array(EvidenceSchema),
      nextCursor: z
        .string()
        .nullable()
        .describe(
          'When the group holds more records than `records`: pass as `after` with `group` set to this group’s key for the next page; null when none are left',
        ),
    }),
  ),
  page: z
    .object({
      total: z.number().describe('All the records in the group (counted on its first page)'),
      start: z.number().describe('The index (from 0) of the page’s first record'),
      returned: z.number(),
      next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
      previous: z
        .string()
        .nullable()
        .describe('Pass as `after` for the page before; null on the first'),
    })
    .nullable()
    .describe('With `group`: where this page of the group sits (keyset paging, never OFFSET)'),
  nextCursor: z
    .string()
    .nullable()
    .describe('With `group`: the same as page.next; null on the last page or without `group`'),
  canWrite: z.boolean(),
});

const Detail = z.object({
  record: EvidenceSchema,
  codings: z.array(CodingSchema),
  memos: z.array(MemoSchema),
  versions: z.array(VersionSchema).nullable(),
  /** Files kept with the record (its original when imported); download each at downloadUrl. */
  attachments: z.array(AttachmentSchema),
  canWrite: z.boolean(),
});

const ImportBody = ImportEvidenceFileInput.omit({ activityId: true }).extend({
  /** The file's bytes, base64-encoded (at most about 3.5 MB through the JSON API). */
  contentBase64: z.string().min(1),
});

const base = '/api/v1/activities/:id/evidence';

export const registerEvidenceApi: RouteModule = (app, ctx) => {
  const uc = (actor: Actor) => ({
    db: ctx.database.db,
    actor,
    catalog: ctx.catalog,
    attachments: ctx.attachments,
  });
  /** The record in the path; the use case checks it belongs to the activity in the path. */
  const inPath = (params: Record<string, string>) => ({
    evidenceId: params.evidenceId ?? '',
    activityId: params.id ?? '',
  });

  registerApiRoutes(app, [
    defineApiRoute({
      method: 'GET',
      path: base,
      summary:
        'Evidence of an activity, grouped under the judgement headings (or by person, day, case, practitioner, team, theme, method, direction); filters and web-search syntax. Each group lists at most `limitPerGroup` records with its full `count` and a `nextCursor`; `group` with `after` pages one group by key (`pageSize` records, in day and E-number order)',
      tag: 'evidence',
      query: ListQuery,
      response: ListResponse,
      handler: async ({ actor, params, query }) => {
        const list = await listEvidence(uc(actor), { ...query, activityId: params.id ?? '' });
        return {
          ...list,
          groups: list.groups.map((g) => ({ ...g, records: g.records.map(presentEvidence) })),
          nextCursor: list.page?.next ?? null,
        };
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: base,
      summary: 'Record evidence (text typed or pasted on site)',
      tag: 'evidence',
      body: RecordEvidenceInput.omit({ activityId: true }),
      response: EvidenceSchema,
      handler: async ({ actor, params, body, reply }) => {
        const r = await recordEvidence(uc(actor), { ...body, activityId: params.id ?? '' });
        reply.status(201);
        return presentEvidence(r);
      },
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/import`,
      summary: 'Record evidence from a .txt, .docx or .pdf file (base64 in JSON)',
      tag: 'evidence',
      body: ImportBody,
      response: EvidenceSchema,
      handler: async ({ actor, params, body, reply }) => {
        const { contentBase64, ...fields } = body;
        const bytes = new Uint8Array(Buffer.from(contentBase64, 'base64'));
        if (bytes.length === 0)
          throw new AppError('VALIDATION_FAILED', {
            details: [{ field: 'contentBase64', reason: 'The file is empty or not base64' }],
          });
        const r = await importEvidenceFile(
          uc(actor),
          { ...fields, activityId: params.id ?? '' },
          bytes,
        );
        reply.status(201);
        return presentEvidence(r);
      },
    }),
    defineApiRoute({
      method: 'GET',
      path: `${base}/:evidenceId`,
      summary: 'One evidence record with its codings, memos and (?versions=true) its history',
      tag: 'evidence',
      query: z.object({ versions: flag.optional() }),
      response: Detail,
      handler: async ({ actor, params, query }) => {
        const d = await getEvidence(uc(actor), {
          ...inPath(params),
          versions: query.versions ?? false,
        });
        return {
          record: presentEvidence(d.record),
          codings: d.codings.map(presentCoding),
          memos: d.memos.map(presentMemo),
          versions: d.versions?.map(presentVersion) ?? null,
          attachments: d.attachments.map(presentAttachment),
          canWrite: d.canWrite,
        };
      },
    }),
    defineApiRoute({
      method: 'PATCH',
      path: `${base}/:evidenceId`,
      summary:
        'Edit evidence (a new version). Send expectedVersion: a newer version answers 409 CONFLICT naming who changed it and when',
      tag: 'evidence',
      body: EditEvidenceInput.omit({ evidenceId: true, activityId: true }),
      response: z.object({
        record: EvidenceSchema,
        changed: z.boolean(),
        codings: z.object({ kept: z.number(), moved: z.number(), lost: z.number() }),
      }),
      handler: async ({ actor, params, body }) => {
        const r = await editEvidence(uc(actor), { ...body, ...inPath(params) });
        return { ...r, record: presentEvidence(r.record) };
      },
    }),
    defineApiRoute({
      method: 'DELETE',
      path: `${base}/:evidenceId`,
      summary: 'Delete evidence (reversible; ?reason= and ?expectedVersion= optional)',
      tag: 'evidence',
      query: z.object({
        reason: z.string().max(2000).optional(),
        expectedVersion: z.coerce.number().int().min(1).optional(),
      }),
      response: EvidenceSchema,
      handler: async ({ actor, params, query }) =>
        presentEvidence(
          await deleteEvidence(uc(actor), {
            ...inPath(params),
            ...(query.reason ? { reason: query.reason } : {}),
            ...(query.expectedVersion ? { expectedVersion: query.expectedVersion } : {}),
          }),
        ),
    }),
    defineApiRoute({
      method: 'POST',
      path: `${base}/:evidenceId/restore`,
      summary: 'Restore deleted evidence with its codings',
      tag: 'evidence',
      body: z.object({ reason: z.string().max(2000).nullish() }),
      response: EvidenceSchema,
      handler: async ({ actor, params, body }) =>
        presentEvidence(await restoreEvidence(uc(actor), { ...inPath(params), ...body })),
    }),
  ]);
};
