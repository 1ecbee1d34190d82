// The set of loaded framework versions, and the questions others ask of it: which version was
// in force on a date (optionally for an activity type), and what a version contains.
import { AppError, type ErrorDetail } from '../../errors.js';
import { inWindow, isoDay } from './grades.js';
import type { ActivityType, Framework, Judgement } from './schema.js';

export interface FrameworkRegistry {
  /** The version with this id, or undefined. */
  get(id: string): Framework | undefined;
  /** Every version, oldest first. */
  list(): Framework[];
  /**
   * The version in force on a date. With an activity type, only versions that have that
   * activity in force then. Where versions overlap (SIF re-inspections ran into 2018, after
   * ILACS began) the one that came into force most recently wins.
   */
  forDate(date: Date | string, activityType?: string): Framework | undefined;
}

/** Builds a registry, checking ids are unique and versions of one family do not overlap. */
export function createRegistry(
  frameworks: readonly Framework[],
  files: readonly string[] = [],
): FrameworkRegistry {
  const problems: ErrorDetail[] = [];
  const sorted = [...frameworks].sort(
    (a, b) => a.validFrom.localeCompare(b.validFrom) || a.id.localeCompare(b.id),
  );
  const fileOf = (fw: Framework) => files[frameworks.indexOf(fw)] ?? fw.id;
  const byId = new Map<string, Framework>();
  for (const fw of sorted) {
    const other = byId.get(fw.id);
    if (other)
      problems.push({
        file: fileOf(fw),
        field: 'id',
        reason: `The id '${fw.id}' is also used by ${fileOf(other)}`,
      });
    else byId.set(fw.id, fw);
  }
  for (const [i, a] of sorted.entries()) {
    for (const b of sorted.slice(i + 1)) {
      if (a.family !== b.family || a.id === b.id) continue;
      if (a.validTo === null || a.validTo >= b.validFrom) {
        problems.push({
          file: fileOf(b),
          field: 'validFrom',
          reason: `${b.id} comes into force on ${b.validFrom}, before ${a.id} (same family '${a.family}') ends (${a.validTo ?? 'open-ended'})`,
        });
      }
    }
  }
  if (problems.length > 0) throw new AppError('FRAMEWORK_INVALID', { details: problems });

  return {
    get: (id) => byId.get(id),
    list: () => [...byId.values()],
    forDate(date, activityType) {
      const day = isoDay(date);
      const candidates = [...byId.values()].filter(
        (fw) =>
          inWindow(fw, day) &&
          (activityType === undefined ||
            fw.activityTypes.some((a) => a.key === activityType && inWindow(a, day))),
      );
      return candidates.at(-1);
    },
  };
}

// ---- Questions about one version --------------------------------------------------------------

export function findJudgement(fw: Framework, key: string): Judgement | undefined {
  return fw.judgements.find((j) => j.key === key);
}

/** The graded judgements, in report-table order. */
export function gradedJudgements(fw: Framework): Judgement[] {
  return fw.judgements.filter((j) => j.graded);
}

export function findActivityType(fw: Framework, key: string): ActivityType | undefined {
  return fw.activityTypes.find((a) => a.key === key);
}

/** Activity types of a version; on a date, only those in force then. */
export function activityTypesOf(fw: Framework, date?: Date | string): ActivityType[] {
  if (date === undefined) return fw.activityTypes;
  const day = isoDay(date);
  return fw.activityTypes.filter((a) => inWindow(a, day));
}

/** "ILACS (January 2023)": name and version label together. */
export const frameworkTitle = (fw: Framework): string => `${fw.name} (${fw.versionLabel})`;
