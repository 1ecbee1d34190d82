// The programme instance: what a solver needs to build a 12-month programme of inspection
// activity for a region or for England. Plain data only (it crosses into a worker thread); the
// activity rules are the framework's own (domain/scheduling), read as they are.
import type { LastJudgement, TimelineItem } from '../scheduling/check-rules.js';
import type { ActivityRules } from '../scheduling/rules-schema.js';

/** One local authority as the planner sees it. */
export interface ProgrammeLa {
  id: string;
  name: string;
  /** Its Ofsted region. */
  region: string;
  /** Its last judgement inspection (date, overall grade, grades), if any. */
  lastJudgement: LastJudgement | null;
  /** The type of that inspection (short_inspection, standard_inspection, sif_inspection...). */
  lastJudgementType: string | null;
  /** The current risk level key (low, medium, high), if assessed. */
  riskLevel: string | null;
  /** Its other activities already fixed, and its published history: the rules read them. */
  timeline: TimelineItem[];
}

/**
 * An inspector as the planner needs them. A plain type so that the roster (profiles, leave,
 * conflicts) can feed it later; for now it comes from a JSON file or a synthetic roster.
 */
export interface InspectorInput {
  id: string;
  name?: string;
  homeRegion: string;
  leadQualified: boolean;
  /** hmi, senior_hmi, regulatory_inspector, education_inspector ... (carried, not yet used). */
  roles: string[];
  /** Leave and training: date ranges (inclusive) in which the inspector cannot be on site. */
  unavailable: { from: string; to: string; reason?: string }[];
  /** LAs the inspector may not inspect (worked or lives there). */
  conflictedLaIds: string[];
  /** The most weeks on site in one calendar quarter. */
  maxWeeksOnSitePerQuarter: number;
  /** Working days of preparation needed in the week before an activity starts. */
  preparationDays: number;
  /** The weekdays they work (mon ... fri); absent: all five. A team needs them on every day on site. */
  workingDays?: string[];
}

const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** Whether an inspector works every day of fieldwork starting `offset` days after a Monday. */
export function worksFieldwork(p: InspectorInput, offset: number, days: number): boolean {
  if (!p.workingDays) return true;
  for (let k = 0; k < days; k += 1)
    if (!p.workingDays.includes(WEEKDAY_KEYS[(offset + k) % 5]!)) return false;
  return true;
}

/** Fix part of the plan: the activity of this LA in this week, and/or these inspectors on it. */
export interface Pin {
  laId: string;
  activityType: string;
  /** Week index (0-based) the activity must start in. */
  week?: number;
  inspectorIds?: string[];
}

/** A plan as far as "changes from the last plan" need it. */
export interface PreviousPlan {
  placements: { laId: string; activityType: string; week: number; team: string[] }[];
}

export interface ProgrammeWeights {
  /** Per week of delay, times the LA's risk factor (high 3, medium 1, low 0, unassessed 1). */
  riskSooner: number;
  /** Per week a judgement inspection starts outside its window. */
  lateness: number;
  /** Per other soft rule of the framework broken by a placement. */
  softRule: number;
  /** Per team member whose home region is not the LA's. */
  travel: number;
  /** Per week of on-site load of the most loaded inspector. */
  balance: number;
  /** Per placement moved from the previous plan, and per team member changed. */
  change: number;
  teamChange: number;
  /** Leaving an optional activity (a focused visit not yet due) out of the programme. */
  skip: number;
}

export interface ProgrammeSettings {
  weights: ProgrammeWeights;
  /** Soft rules of the framework the planner keeps as hard (the blackouts, by default). */
  hardRules: string[];
  /** Team size by activity type where the framework sets none. */
  teamSizeFallback: number;
  /** Monitoring visits a year for an inadequate LA not yet re-inspected. */
  monitoringVisitsPerYear: number;
  /** An inadequate LA is due its re-inspection this many months after its judgement. */
  inadequateReinspectionMonths: number;
  /** Inspectors from other regions may join a team (at the travel cost). */
  crossRegion: boolean;
}

export interface ProgrammeRules {
  rules: ActivityRules;
  /** Grade keys, best first. */
  gradeOrder: string[];
  /** Team size by activity type (from the framework's activity type defaults). */
  teamSize: Record<string, number>;
  typeLabels: Record<string, string>;
}

export interface ProgrammeInstance {
  /** The Monday of week 0 (YYYY-MM-DD). */
  start: string;
  weeks: number;
  las: ProgrammeLa[];
  inspectors: InspectorInput[];
  rules: ProgrammeRules;
  settings: ProgrammeSettings;
  pins: Pin[];
  previous: PreviousPlan | null;
}

export const defaultSettings: ProgrammeSettings = {
  weights: {
    riskSooner: 4,
    lateness: 10,
    softRule: 20,
    travel: 2,
    balance: 5,
    change: 8,
    teamChange: 2,
    skip: 200,
  },
  hardRules: ['christmas', 'pre_election_2027'],
  teamSizeFallback: 2,
  monitoringVisitsPerYear: 3,
  inadequateReinspectionMonths: 18,
  crossRegion: false,
};

const DAY = 86_400_000;
const t = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function addDays(isoDate: string, days: number): string {
  return iso(t(isoDate) + days * DAY);
}

/** The Monday of week k. */
export function weekStart(inst: { start: string }, k: number): string {
  return addDays(inst.start, 7 * k);
}

/** The week index a date falls in (may be negative or past the horizon). */
export function weekOf(inst: { start: string }, isoDate: string): number {
  return Math.floor((t(isoDate) - t(inst.start)) / (7 * DAY));
}

/** True for a Monday. */
export function isMonday(isoDate: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) && new Date(t(isoDate)).getUTCDay() === 1;
}

export const riskFactor = (level: string | null): number =>
  level === 'high' ? 3 : level === 'low' ? 0 : 1;

/** The weeks (indices) in which an inspector cannot be on site. */
export function unavailableWeeks(inst: ProgrammeInstance, p: InspectorInput): Set<number> {
  const out = new Set<number>();
  for (const r of p.unavailable) {
    const from = Math.max(0, weekOf(inst, r.from));
    const to = Math.min(inst.weeks - 1, weekOf(inst, r.to));
    for (let w = from; w <= to; w += 1) {
      // A range that ends on a weekend before the week's Monday does not touch it.
      const mon = weekStart(inst, w);
      if (r.to >= mon && r.from <= addDays(mon, 4)) out.add(w);
    }
  }
  return out;
}
