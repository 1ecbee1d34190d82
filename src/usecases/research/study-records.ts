// The steps the study-coding use cases share: the study (authorized), its selected inspections in
// pseudonym order, what the pseudonymiser must hide in them, and a record or a coding as the
// researcher sees it (pseudonymised text, the study's record reference, the inspection pseudonym).
// Not a use case: the use cases in this folder call it.
import { identifyingTerms } from '../../data/repositories/research.js';
import type { Study } from '../../data/repositories/research-studies.js';
import {
  listStudyCodings,
  studyCodingCounts,
  studyRecordsPage,
  type StudyCoding,
  type StudyRecordRow,
} from '../../data/repositories/research-study-codings.js';
import { cpSlice } from '../../domain/evidence/offsets.js';
import type { StudyCodingLine } from '../../domain/research/export.js';
import type { StudyCodedRecord } from '../../domain/research/study-qdpx.js';
import { actorUserId } from '../../domain/access/actor.js';
import { pseudonymisePassage } from '../../domain/research/pseudonymise.js';
import type { ResearchQuery } from '../../domain/research/query.js';
import { studyRecordRef } from '../../domain/research/study-coding.js';
import type { UseCaseContext } from '../context.js';
import { queryScope } from './research-engine.js';
import { studyFor } from './study-scope.js';

export interface StudyRecordsScope {
  study: Study;
  /** The selected inspections, in pseudonym order ("Inspection 1" first). */
  activityIds: string[];
  pseudonymOf: Map<string, string>;
  laOf: Map<string, string>;
  laIdentityShown: boolean;
  terms: { references: string[]; people: string[]; places: string[] };
}

export interface StudyCodingView {
  id: string;
  record: string;
  inspection: string;
  themeKey: string;
  themeName: string;
  text: string;
  start: number;
  end: number;
  coderLabel: string;
  mine: boolean;
  createdAt: Date;
}

export interface StudyRecordView {
  ref: string;
  inspection: string;
  la: string | null;
  method: string;
  text: string;
  replaced: number;
}

export async function studyRecordsScope(
  ctx: UseCaseContext,
  studyId: string,
): Promise<StudyRecordsScope> {
  const study = await studyFor(ctx, studyId);
  const q = { kind: 'coding', rows: [], selection: {}, studyId: study.id } as ResearchQuery;
  const scope = await queryScope(ctx, q);
  const activityIds = scope.contexts.map((c) => c.activityId);
  const terms = await identifyingTerms(ctx.db, activityIds);
  return {
    study,
    activityIds,
    pseudonymOf: scope.pseudonymOf,
    laOf: new Map(scope.contexts.map((c) => [c.activityId, c.laName])),
    laIdentityShown: scope.laIdentityShown,
    terms: {
      ...terms,
      places: scope.laIdentityShown
        ? []
        : [...new Set(scope.contexts.map((c) => c.laName.replace(/ council$/i, '')))],
    },
  };
}

/** A record as the researcher sees it: pseudonymised, by its study reference. */
export function recordView(s: StudyRecordsScope, r: StudyRecordRow): StudyRecordView {
  const out = pseudonymisePassage(r.text, {
    references: s.terms.references,
    people: [...s.terms.people, r.recordedBy],
    places: s.terms.places,
  });
  return {
    ref: studyRecordRef(s.study.id, r.id),
    inspection: s.pseudonymOf.get(r.activityId) ?? 'Inspection',
    la: s.laIdentityShown ? (s.laOf.get(r.activityId) ?? null) : null,
    method: r.method,
    text: out.text,
    replaced: out.replaced,
  };
}

export function codingView(
  ctx: UseCaseContext,
  s: StudyRecordsScope,
  c: StudyCoding,
): StudyCodingView {
  return {
    id: c.id,
    record: studyRecordRef(s.study.id, c.evidenceId),
    inspection: s.pseudonymOf.get(c.activityId) ?? 'An inspection no longer selected',
    themeKey: c.themeKey,
    themeName: c.themeName,
    text: c.text,
    start: c.start,
    end: c.end,
    coderLabel: c.coderLabel,
    mine: c.coderId !== null && c.coderId === actorUserId(ctx.actor),
    createdAt: c.createdAt,
  };
}

/** A study's codings for its exports: counts per thematic code, each coding as a line, and the
 *  coded records (still selected) with their pseudonymised text for QDPX. A coding whose passage
 *  no longer matches its record's text goes in the lines but not on the QDPX source. */
export async function studyCodingsForExport(
  ctx: UseCaseContext,
  studyId: string,
): Promise<{
  counts: Array<{ key: string; name: string; codings: number; records: number }>;
  lines: StudyCodingLine[];
  coded: StudyCodedRecord[];
}> {
  const s = await studyRecordsScope(ctx, studyId);
  const codings = await listStudyCodings(ctx.db, s.study.id);
  const views = codings.map((c) => codingView(ctx, s, c));
  const coded: StudyCodedRecord[] = [];
  const selected = new Set(s.activityIds);
  for (const id of [...new Set(codings.map((c) => c.evidenceId))]) {
    const mine = codings.filter((c) => c.evidenceId === id);
    if (!selected.has(mine[0]!.activityId)) continue;
    const [row] = await studyRecordsPage(ctx.db, s.activityIds, null, 1, id);
    if (!row) continue;
    const r = recordView(s, row);
    coded.push({
      record: r.ref,
      inspection: r.inspection,
      la: r.la,
      method: r.method,
      text: r.text,
      codings: mine
        .filter((c) => cpSlice(r.text, c.start, c.end) === c.text)
        .map((c) => ({
          id: c.id,
          themeKey: c.themeKey,
          themeName: c.themeName,
          start: c.start,
          end: c.end,
          coder: c.coderLabel,
          at: c.createdAt.toISOString(),
        })),
    });
  }
  return {
    counts: await studyCodingCounts(ctx.db, s.study.id),
    lines: views.map((v) => ({
      inspection: v.inspection,
      record: v.record,
      theme: v.themeName,
      passage: v.text,
      coder: v.coderLabel,
      at: v.createdAt.toISOString(),
    })),
    coded,
  };
}
