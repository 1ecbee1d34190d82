// The steps the study-coding use cases share: the study (authorized), its selected inspections in
// pseudonym order, what the pseudonymiser must hide in them, and a record or a coding as the
// researcher sees it (pseudonymised text, the study's record reference, the inspection pseudonym).
// Not a use case: the use cases in this folder call it.
import { identifyingTerms } from '../../data/repositories/research.js';
import type { Study } from '../../data/repositories/research-studies.js';
import type { StudyCoding, StudyRecordRow } from '../../data/repositories/research-study-codings.js';
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
