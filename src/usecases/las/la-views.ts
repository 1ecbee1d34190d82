// Shapes shared by the LA use cases: what a caller sees of an authority and of its history.
import type { Kysely } from 'kysely';
import type { InspectionHistoryEntry } from '../../data/repositories/inspection-history.js';
import {
  listLaSuccessions,
  listLocalAuthorities,
  type LocalAuthority,
} from '../../data/repositories/local-authorities.js';
import type { DB } from '../../data/schema.js';
import {
  activityTypeLabels,
  type Grades,
  type HistoryActivityType,
} from '../../domain/history/types.js';
import { createLaRegister, type LaRegister } from '../../domain/las/register.js';

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

/** The whole stored register with its successions, for lookups. */
export async function loadLaRegister(db: Kysely<DB>): Promise<LaRegister<LocalAuthority>> {
  const [las, successions] = await Promise.all([listLocalAuthorities(db), listLaSuccessions(db)]);
  return createLaRegister(las, successions);
}
