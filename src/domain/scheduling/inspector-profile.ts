// An inspector's profile for scheduling: what they can do on a team, where they are based, when
// they work, when they are away and which authorities they must not inspect. Pure vocabulary and
// checks; stored by data/repositories/inspectors.ts.
import type { TeamRole } from '../access/roles.js';

export const inspectorRoles = [
  'hmi',
  'senior_hmi',
  'regulatory_inspector',
  'education_inspector',
] as const;
export type InspectorRole = (typeof inspectorRoles)[number];

export const inspectorRoleLabels: Record<InspectorRole, string> = {
  hmi: 'Social care HMI',
  senior_hmi: 'Senior HMI (QAM)',
  regulatory_inspector: 'Social care regulatory inspector',
  education_inspector: 'Education inspector',
};

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayLabels: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
};

export const absenceKinds = ['leave', 'training', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];
export const absenceKindLabels: Record<AbsenceKind, string> = {
  leave: 'Leave',
  training: 'Training',
  other: 'Other time away',
};

export const conflictReasons = ['worked_in', 'lives_in', 'other'] as const;
export type ConflictReason = (typeof conflictReasons)[number];
export const conflictReasonLabels: Record<ConflictReason, string> = {
  worked_in: 'Worked in the authority',
  lives_in: 'Lives in the authority',
  other: 'Other conflict of interest',
};

export interface Absence {
  id: string;
  kind: AbsenceKind;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

export interface Conflict {
  id: string;
  laId: string;
  laName: string;
  reason: ConflictReason;
  detail: string | null;
  /** The conflict holds from this date (null: always before `to`). */
  from: string | null;
  /** The conflict holds until this date (null: with no end). */
  to: string | null;
}

/** The fields of a profile that a person sets (the rest is the account's). */
export interface ProfileSettings {
  inspectorRole: InspectorRole;
  homeRegion: string;
  workingDays: Weekday[];
  leadQualified: boolean;
  maxSiteWeeksPerQuarter: number;
  /** Working days needed before an activity; null: the framework's days for the team role. */
  preparationDays: number | null;
  note: string | null;
}

/**
 * Which team roles an inspector of a profile role may fill. A lead must be lead-qualified; a QAM
 * is a senior HMI; analysts and shadows are not inspecting roles, so anyone may fill them.
 */
export function mayFillTeamRole(
  p: Pick<ProfileSettings, 'inspectorRole' | 'leadQualified'>,
  teamRole: TeamRole,
): boolean {
  switch (teamRole) {
    case 'lead_inspector':
      return p.leadQualified && (p.inspectorRole === 'hmi' || p.inspectorRole === 'senior_hmi');
    case 'team_inspector':
      return p.inspectorRole === 'hmi' || p.inspectorRole === 'senior_hmi';
    case 'regulatory_inspector':
      return p.inspectorRole === 'regulatory_inspector';
    case 'education_inspector':
      return p.inspectorRole === 'education_inspector';
    case 'qam':
      return p.inspectorRole === 'senior_hmi';
    case 'analyst':
    case 'shadow':
      return true;
  }
}

/** Whether a conflict of interest holds on any day of [start, end]. */
export function conflictHolds(c: Pick<Conflict, 'from' | 'to'>, start: string, end: string) {
  return (c.from === null || c.from <= end) && (c.to === null || c.to >= start);
}

/** Whether an absence covers any day of [start, end]. */
export function absenceOverlaps(
  a: Pick<Absence, 'startsOn' | 'endsOn'>,
  start: string,
  end: string,
) {
  return a.startsOn <= end && a.endsOn >= start;
}
