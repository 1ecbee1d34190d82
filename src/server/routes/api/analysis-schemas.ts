// Response shapes of the evidence analysis API (also the OpenAPI document's schemas). Results
// pass through `iso`, which turns every Date into an ISO string as JSON would.
import { Readable } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { ExportedFile, StreamedFile } from '../../../usecases/analysis/export-file.js';
import { downloadHeaders } from '../../download.js';
import { LineOfEnquirySchema } from './evidence-schemas.js';

// Mapped types keep arrays and tuples as they are.
type Iso<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Iso<T[K]> } : T;

/** The value as JSON has it (Dates as ISO strings). */
export function iso<T>(x: T): Iso<T> {
  return JSON.parse(JSON.stringify(x)) as Iso<T>;
}

/** A download: whole (small exports) or streamed as its pieces are produced (large ones). */
export function sendFile(reply: FastifyReply, f: ExportedFile | StreamedFile): Buffer | Readable {
  downloadHeaders(reply, f.filename, f.contentType);
  return 'body' in f ? Buffer.from(f.body) : Readable.from(f.chunks);
}

export const FileResponse = z
  .custom<Buffer | Readable>(() => true)
  .describe('A CSV or XLSX file (large ones are streamed)');

const Person = z.object({ id: z.string().nullable(), label: z.string() });
const RangeSchema = z.tuple([z.number(), z.number()]);
const SnippetSchema = z.object({
  start: z.number(),
  end: z.number(),
  text: z.string(),
  highlights: z.array(RangeSchema),
});

/** Which evidence record a hit or passage comes from (the same fields in both). */
const EvidenceHeader = z.object({
  evidenceId: z.string(),
  reference: z.string(),
  version: z.number(),
  observedOn: z.string(),
  method: z.string(),
  direction: z.string().nullable(),
  judgementAreas: z.array(z.string()),
  childCaseReference: z.string().nullable(),
  recordedBy: Person,
});

const Hit = EvidenceHeader.extend({
  rank: z.number(),
  textLength: z.number(),
  highlights: z.array(RangeSchema),
  snippets: z.array(SnippetSchema),
});

export const SearchResultSchema = z.object({
  understood: z.string(),
  total: z.number().describe('Every matching record, not just this page'),
  limit: z.number(),
  offset: z.number().describe('The index (from 0) of the first hit on this page'),
  returned: z.number().describe('Hits on this page'),
  limited: z
    .boolean()
    .describe('True when this page does not hold every match: follow next (or previous)'),
  next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
  previous: z
    .string()
    .nullable()
    .describe('Pass as `after` for the page before; null on the first'),
  hits: z.array(Hit),
  note: z.string().nullable(),
});

export const NationalSearchSchema = z.object({
  understood: z.string(),
  total: z.number(),
  capped: z.boolean(),
  orderedBy: z.enum(['relevance', 'recency']),
  note: z.string().nullable(),
  limit: z.number(),
  offset: z.number().describe('The index (from 0) of the first hit on this page'),
  returned: z.number().describe('Hits on this page'),
  limited: z.boolean().describe('True when this page does not hold every match: follow next'),
  next: z.string().nullable().describe('Pass as `after` for the next page; null on the last'),
  hits: z.array(
    Hit.extend({
      activityId: z.string(),
      activityTitle: z.string(),
      laId: z.string(),
      laName: z.string(),
    }),
  ),
});

export const PassageSchema = EvidenceHeader.extend({
  start: z.number(),
  end: z.number(),
  before: z.string(),
  text: z.string(),
  after: z.string(),
  truncated: z.boolean(),
  wholeRecord: z.boolean(),
  codes: z.array(z.object({ id: z.string(), name: z.string() })),
});

export const CodingQuerySchema = z.object({
  understood: z.string(),
  scope: z.enum(['passage', 'record']),
  totalPassages: z.number().describe('All the passages the query matches, not just this page'),
  totalRecords: z.number(),
  limit: z.number(),
  offset: z.number(),
  returned: z.number().describe('Passages on this page'),
  next: z
    .string()
    .nullable()
    .describe(
      'Pass as `after` with the same query for the next page (keyset paging); null on the last page',
    ),
  passages: z.array(PassageSchema),
});

const Labelled = z.object({ key: z.string(), label: z.string() });
const Grid = z.array(z.array(z.number()));

export const MatrixSchema = z.object({
  rows: z.array(Labelled),
  columns: z.array(Labelled),
  unit: z.enum(['coding references', 'evidence records']),
  counts: Grid,
  records: Grid,
  rowTotals: z.array(z.number()),
  columnTotals: z.array(z.number()),
});

export const MatrixCellSchema = z.object({
  row: Labelled,
  column: z.string(),
  unit: z.enum(['coding references', 'evidence records']),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  passages: z.array(PassageSchema),
});

export const CoOccurrenceSchema = z.object({
  codes: z.array(z.object({ id: z.string(), name: z.string() })),
  records: Grid,
  overlapping: Grid,
});

const StatementSchema = z.object({ text: z.string(), level: z.enum(['ok', 'note', 'concern']) });
const SpreadSchema = z.object({
  covered: z.number(),
  known: z.number().nullable(),
  top: z.object({ label: z.string(), records: z.number() }).nullable(),
});

export const BalanceSchema = z.object({
  firstDay: z.string().nullable(),
  areas: z.array(
    z.object({
      area: z.object({ key: z.string(), title: z.string() }),
      records: z.number(),
      direction: z.object({
        strength: z.number(),
        areaForImprovement: z.number(),
        mixed: z.number(),
        context: z.number(),
        unset: z.number(),
        statement: StatementSchema,
      }),
      methods: z.object({
        byMethod: z.record(z.string(), z.number()),
        byFamily: z.object({
          caseRecords: z.number(),
          written: z.number(),
          discussion: z.number(),
          observation: z.number(),
          childrenAndFamilies: z.number(),
        }),
        statement: StatementSchema,
      }),
      coverage: z.object({
        teams: SpreadSchema,
        localities: SpreadSchema,
        practitioners: SpreadSchema,
        sampledCases: z.object({ withEvidence: z.number(), sampled: z.number() }),
        statement: StatementSchema,
      }),
      voice: z.object({
        childVoice: z.number(),
        livedExperience: z.number(),
        conversations: z.number(),
        byServiceArea: z.array(
          z.object({
            key: z.string(),
            label: z.string(),
            records: z.number(),
            childVoice: z.number(),
          }),
        ),
        statement: StatementSchema,
      }),
      arrival: z.object({
        days: z.array(z.object({ date: z.string(), records: z.number() })),
        firstDay: z.string().nullable(),
        onFirstDay: z.number(),
        lastDay: z.string().nullable(),
        onLastDay: z.number(),
        statement: StatementSchema,
      }),
    }),
  ),
});

const ReviewSchema = z.object({
  id: z.string(),
  kind: z.enum(['opposite_direction', 'uncoded_match', 'unseen_case']),
  itemId: z.string(),
  evidenceVersion: z.number().nullable(),
  outcome: z.enum(['supports', 'challenges', 'not_relevant']),
  note: z.string(),
  reviewedBy: Person,
  reviewedAt: z.string(),
});

export const FocusSchema = z.object({
  lineOfEnquiryId: z.string(),
  kind: z.enum(['line_of_enquiry', 'hypothesis']),
  direction: z.enum(['strength', 'area_for_improvement']).nullable(),
  codeIds: z.array(z.string()),
  searchTerms: z.string().nullable(),
  caseAttributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  version: z.number(),
  updatedBy: Person,
  updatedAt: z.string(),
});

export const ChallengesSchema = z.object({
  line: LineOfEnquirySchema,
  focus: FocusSchema.nullable(),
  direction: z.enum(['strength', 'area_for_improvement']).nullable(),
  directionSource: z.enum(['stated', 'inferred']).nullable(),
  links: z.array(
    z.object({
      id: z.string(),
      lineOfEnquiryId: z.string(),
      evidenceId: z.string(),
      reference: z.string(),
      direction: z.string().nullable(),
      start: z.number().nullable(),
      end: z.number().nullable(),
      text: z.string(),
      stance: z.enum(['supports', 'challenges']),
      note: z.string().nullable(),
      linkedBy: Person,
      linkedAt: z.string(),
    }),
  ),
  challenges: z.array(
    z.object({
      kind: z.enum(['opposite_direction', 'uncoded_match', 'unseen_case']),
      id: z.string(),
      reference: z.string(),
      version: z.number().nullable(),
      reason: z.string(),
      excerpts: z.array(SnippetSchema),
      review: ReviewSchema.nullable(),
      needsReview: z.boolean(),
    }),
  ),
  reviews: z.array(ReviewSchema),
  notes: z.array(z.string()),
  unreviewed: z.number(),
  canClose: z.boolean(),
});

const FindingSchema = z.object({
  kind: z.string(),
  start: z.number(),
  end: z.number(),
  text: z.string(),
  confidence: z.enum(['high', 'possible']),
  reason: z.string(),
});

export const AnonymisationSchema = z.object({
  findings: z.array(FindingSchema),
  summary: z.string(),
});

export const VignetteSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  evidenceId: z.string(),
  reference: z.string(),
  evidenceVersion: z.number(),
  currentEvidenceVersion: z.number(),
  start: z.number(),
  end: z.number(),
  spanText: z.string(),
  currentText: z.string(),
  evidenceChanged: z.boolean(),
  judgementArea: z.string().nullable(),
  direction: z.string().nullable(),
  title: z.string().nullable(),
  reportText: z.string().nullable(),
  note: z.string().nullable(),
  status: z.enum(['candidate', 'selected', 'rejected']),
  anonymised: z.object({ by: Person, at: z.string() }).nullable(),
  anonymisation: z.object({
    checked: z.enum(['reportText', 'passage']),
    findings: z.array(
      FindingSchema.extend({
        recordStart: z.number().nullable(),
        recordEnd: z.number().nullable(),
      }),
    ),
    high: z.number(),
    summary: z.string(),
  }),
  version: z.number(),
  createdBy: Person,
  createdAt: z.string(),
  updatedAt: z.string(),
});

const MeetingSchema = z.object({
  id: z.string(),
  activityId: z.string(),
  heldAt: z.string(),
  kind: z.enum(['morning', 'evening', 'other']),
  note: z.string().nullable(),
  recordedBy: Person,
  recordedAt: z.string(),
});
export { MeetingSchema };

const AreaSince = z.object({
  area: z.object({ key: z.string(), title: z.string() }),
  records: z.number(),
  byDirection: z.record(z.string(), z.number()),
  byMethodFamily: z.record(z.string(), z.number()),
  byInspector: z.array(z.object({ label: z.string(), records: z.number() })),
  items: z.array(
    z.object({
      id: z.string(),
      reference: z.string(),
      excerpt: z.string(),
      method: z.string(),
      direction: z.string().nullable(),
      judgementAreas: z.array(z.string()),
      childCaseReference: z.string().nullable(),
      recordedBy: Person,
      recordedAt: z.string(),
    }),
  ),
});

export const TeamMeetingViewSchema = z.object({
  since: z.string().nullable(),
  lastMeeting: MeetingSchema.nullable(),
  at: z.string(),
  total: z.number().describe('Every record recorded since then'),
  shown: z.number().describe('Records summarised here (the first 2,000 recorded when more)'),
  limited: z
    .boolean()
    .describe('True when shown < total: the evidence list (GET …/evidence) has every record'),
  areas: z.array(AreaSince),
  unfiled: AreaSince,
  other: z.object({
    codings: z.number(),
    challengeReviews: z.number(),
    vignettes: z.number(),
    linesChanged: z.array(z.object({ id: z.string(), title: z.string(), status: z.string() })),
  }),
  recentMeetings: z.array(MeetingSchema),
});
