// What a caller sees of an authority and of its history: the LA pages, the home page and the
// register listing share these shapes and the summary query.
import type { Kysely } from 'kysely';
import {
  latestJudgements,
  type InspectionHistoryEntry,
} from '../../data/repositories/inspection-history.js';
import {
  listLocalAuthorities,
  type LocalAuthority,
} from '../../data/repositories/local-authorities.js';
import type { DB } from '../../data/schema.js';
import type { Actor } from '../../domain/access/actor.js';
import { policies } from '../../domain/access/policies.js';
import {
  activityTypeLabels,
  type GradeKey,
  type Grades,
  type HistoryActivityType,
  type JudgementKey,
} from '../../domain/history/types.js';
import { isCurrent, isValidOn } from '../../domain/las/la.js';
import { normaliseLaName } from '../../domain/las/names.js';

export interface HistoryItem {
  id: string;
  laId: string;
  laName: string;
  activityType: HistoryActivityType;
  activityLabel: string;
  frameworkId: string | null;
  startDate: string;
  endDate: string | null;
  publicationDate: string | null;
  theme: string | null;
  grades: Grades;
  source: string;
  /** True when the event belongs to an authority this one replaced. */
  fromPredecessor: boolean;
}

export interface LaSummary {
  id: string;
  name: string;
  gssCode: string;
  dfeCode: string | null;
  ofstedUrn: string | null;
  ofstedRegion: string | null;
  onsRegion: string | null;
  laType: string | null;
  validFrom: string | null;
  validTo: string | null;
  /** The most recent graded inspection (short, standard or SIF). */
  latestJudgement: HistoryItem | null;
}

export function toHistoryItem(
  e: InspectionHistoryEntry,
  la: Pick<LocalAuthority, 'id' | 'name'> | undefined,
  ownId: string,
): HistoryItem {
  return {
    id: e.id,
    laId: e.laId,
    laName: la?.name ?? e.laId,
    activityType: e.activityType,
    activityLabel: activityTypeLabels[e.activityType] ?? e.activityType,
    frameworkId: e.frameworkId,
    startDate: e.startDate,
    endDate: e.endDate,
    publicationDate: e.publicationDate,
    theme: e.theme,
    grades: e.grades,
    source: e.source,
    fromPredecessor: e.laId !== ownId,
  };
}

export function toSummary(
  la: LocalAuthority,
  latest: InspectionHistoryEntry | undefined,
): LaSummary {
  return {
    id: la.id,
    name: la.name,
    gssCode: la.gssCode,
    dfeCode: la.dfeCode,
    ofstedUrn: la.ofstedUrn,
    ofstedRegion: la.ofstedRegion,
    onsRegion: la.onsRegion,
    laType: la.laType,
    validFrom: la.validFrom,
    validTo: la.validTo,
    latestJudgement: latest ? toHistoryItem(latest, la, la.id) : null,
  };
}

export interface LaSummaryFilter {
  search?: string | undefined;
  region?: string | undefined;
  /** Only authorities whose latest graded inspection gave this grade for `judgement`. */
  grade?: GradeKey | undefined;
  judgement: JudgementKey;
  asAt?: string | undefined;
  publishedBy?: string | undefined;
  includeFormer: boolean;
}

/** The authorities the actor may see that match, each with its latest graded inspection. */
export async function listLaSummaries(
  db: Kysely<DB>,
  actor: Actor,
  filter: LaSummaryFilter,
): Promise<LaSummary[]> {
  const all = await listLocalAuthorities(db, filter.region ? { region: filter.region } : {});
  const query = filter.search ? normaliseLaName(filter.search) : '';
  const code = filter.search?.trim().toUpperCase() ?? '';
  const las = all.filter(
    (la) =>
      (filter.includeFormer || (filter.asAt ? isValidOn(la, filter.asAt) : isCurrent(la))) &&
      policies.viewLa(actor, { id: la.id, region: la.ofstedRegion }) &&
      (!filter.search ||
        normaliseLaName(la.name).includes(query) ||
        [
          la.id.toUpperCase(),
          la.gssCode,
          ...la.previousGssCodes,
          la.dfeCode,
          la.ofstedUrn,
        ].includes(code)),
  );
  const latest = await latestJudgements(db, {
    laIds: las.map((l) => l.id),
    ...(filter.asAt ? { asAt: filter.asAt } : {}),
    ...(filter.publishedBy ? { publishedBy: filter.publishedBy } : {}),
  });
  return las
    .map((la) => toSummary(la, latest.get(la.id)))
    .filter((s) => !filter.grade || s.latestJudgement?.grades[filter.judgement] === filter.grade);
}
