// Grade helpers. A framework lists its grades best first; everything here reads that order
// rather than assuming four grades or particular keys.
import { AppError } from '../../errors.js';
import type { Framework, Grade } from './schema.js';

/** An ISO date (YYYY-MM-DD) from a Date or a string that starts with one. */
export function isoDay(date: Date | string): string {
  return typeof date === 'string' ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** True when the (inclusive) window contains the day; open ends always match. */
export function inWindow(
  w: { validFrom?: string | undefined; validTo?: string | null | undefined },
  day: string,
): boolean {
  return (
    (w.validFrom === undefined || w.validFrom <= day) && (w.validTo == null || day <= w.validTo)
  );
}

export function findGrade(fw: Framework, key: string): Grade | undefined {
  return fw.grades.find((g) => g.key === key);
}

/** Position in the scale: 0 is the best grade. Throws on a key the framework does not have. */
export function gradeRank(fw: Framework, key: string): number {
  const i = fw.grades.findIndex((g) => g.key === key);
  if (i < 0) {
    throw new AppError('VALIDATION_FAILED', {
      details: [
        {
          field: 'grade',
          value: key,
          reason: `Not a grade in ${fw.id} (${fw.grades.map((g) => g.key).join(', ')})`,
        },
      ],
    });
  }
  return i;
}

/** Sort comparator: negative when a is better than b, positive when worse, 0 when equal. */
export function compareGrades(fw: Framework, a: string, b: string): number {
  return gradeRank(fw, a) - gradeRank(fw, b);
}

export const isBetter = (fw: Framework, a: string, b: string): boolean =>
  compareGrades(fw, a, b) < 0;
export const isWorse = (fw: Framework, a: string, b: string): boolean =>
  compareGrades(fw, a, b) > 0;

/** The worst of some grades (undefined for none). */
export function worstGrade(fw: Framework, grades: readonly string[]): string | undefined {
  return grades.reduce<string | undefined>(
    (w, g) => (w === undefined || isWorse(fw, g, w) ? g : w),
    undefined,
  );
}

/** The best of some grades (undefined for none). */
export function bestGrade(fw: Framework, grades: readonly string[]): string | undefined {
  return grades.reduce<string | undefined>(
    (b, g) => (b === undefined || isBetter(fw, g, b) ? g : b),
    undefined,
  );
}

/**
 * The label printed for a grade; on a date, the label variant in force then (e.g. SIF reports
 * of 2013-14 said "Requires improvement"). `short` gives the short label ("RI").
 */
export function gradeLabel(
  fw: Framework,
  key: string,
  opts: { date?: Date | string; short?: boolean } = {},
): string {
  const grade = fw.grades[gradeRank(fw, key)] as Grade;
  if (opts.short) return grade.shortLabel;
  if (opts.date !== undefined) {
    const day = isoDay(opts.date);
    const variant = grade.labelVariants.find((v) => inWindow(v, day));
    if (variant) return variant.label;
  }
  return grade.label;
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The grade key a piece of text names: the key itself, the label, short label, a label variant
 * or an alias, ignoring case and spacing. Undefined when it names none (or is blank).
 */
export function parseGrade(fw: Framework, raw: string | null | undefined): string | undefined {
  if (raw == null) return undefined;
  const text = normalise(raw);
  if (text === '') return undefined;
  for (const g of fw.grades) {
    const names = [
      g.key,
      g.key.replace(/_/g, ' '),
      g.label,
      g.shortLabel,
      ...g.aliases,
      ...g.labelVariants.map((v) => v.label),
    ];
    if (names.some((n) => normalise(n) === text)) return g.key;
  }
  return undefined;
}
