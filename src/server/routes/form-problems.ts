// Form handling shared by the HTML route modules: expected use-case errors become GOV.UK error
// summary items and inline messages; anything unexpected is rethrown to the error handler.
import type { ErrorCode } from '../../errors.js';
import { toAppError } from '../plugins/errors.js';

export interface Problem {
  field?: string | undefined;
  reason: string;
}

export interface FormErrorLocals {
  /** For the layout's error summary. */
  errors: { text: string; href?: string }[];
  /** Field -> inline error message. */
  fieldErrors: Record<string, { text: string }>;
}

/**
 * Converts an error thrown by a use case into form problems when its code is one the form
 * expects; otherwise rethrows it. `fields` renames use-case fields to form field names.
 */
export function problemsFrom(
  err: unknown,
  codes: readonly ErrorCode[],
  opts: { fields?: Record<string, string>; defaultField?: string } = {},
): { status: number; code: ErrorCode; problems: Problem[] } {
  const appErr = toAppError(err);
  if (!codes.includes(appErr.code)) throw err;
  const problems =
    appErr.details.length === 0
      ? [{ field: opts.defaultField, reason: appErr.message }]
      : appErr.details.map((d) => {
          const field = d.field ? (opts.fields?.[d.field] ?? d.field) : opts.defaultField;
          return { field, reason: d.reason };
        });
  return { status: appErr.status, code: appErr.code, problems };
}

/**
 * Locals for a page showing problems. `anchors` maps a field to the id its link targets (null:
 * no link). `shown` is the set of focusable ids the page renders: a problem whose target is not
 * among them is listed without a link rather than with one that goes nowhere.
 */
export function formErrors(
  problems: Problem[],
  anchors: Record<string, string | null> = {},
  shown?: ReadonlySet<string>,
): FormErrorLocals {
  const fieldErrors: Record<string, { text: string }> = {};
  for (const p of problems)
    if (p.field && !fieldErrors[p.field]) fieldErrors[p.field] = { text: p.reason };
  const errors = problems.map((p) => {
    const target = p.field && Object.hasOwn(anchors, p.field) ? anchors[p.field] : p.field;
    return target && (!shown || shown.has(target))
      ? { text: p.reason, href: `#${target}` }
      : { text: p.reason };
  });
  return { errors, fieldErrors };
}

/** A YYYY-MM-DD date from GOV.UK date input parts, or a problem to show. */
export function dateFromParts(
  parts: { day?: string | undefined; month?: string | undefined; year?: string | undefined },
  label: string,
  opts: { required: boolean },
): { value: string | null; problem?: string } {
  const day = (parts.day ?? '').trim();
  const month = (parts.month ?? '').trim();
  const year = (parts.year ?? '').trim();
  if (!day && !month && !year) {
    return opts.required ? { value: null, problem: `Enter the ${label}` } : { value: null };
  }
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) {
    return { value: null, problem: `The ${label} must be a real date, for example 27 3 2027` };
  }
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== iso) {
    return { value: null, problem: `The ${label} must be a real date, for example 27 3 2027` };
  }
  return { value: iso };
}

/** Fixed confirmation messages, chosen by a `done` query parameter after a redirect. */
export function noticeFor(done: unknown, messages: Record<string, string>): string | undefined {
  return typeof done === 'string' && Object.hasOwn(messages, done) ? messages[done] : undefined;
}

export interface DateFilter {
  value: string | null;
  /** What the GOV.UK date input shows: what was typed, or the parts of the date in the link. */
  parts: { day: string; month: string; year: string };
  problem?: string;
}

/**
 * An optional date filter from a GOV.UK date input (`name-day`, `name-month`, `name-year`), or,
 * in links the pages build, from `name` as YYYY-MM-DD. `label` names the field in the problem.
 */
export function dateFilter(
  query: Record<string, unknown>,
  name: string,
  label: string,
): DateFilter {
  const part = (p: string) => {
    const v = query[`${name}-${p}`];
    return typeof v === 'string' ? v.slice(0, 10) : '';
  };
  const typed = { day: part('day'), month: part('month'), year: part('year') };
  if (typed.day.trim() || typed.month.trim() || typed.year.trim()) {
    const parsed = dateFromParts(typed, label, { required: false });
    return {
      value: parsed.value,
      parts: typed,
      ...(parsed.problem ? { problem: parsed.problem } : {}),
    };
  }
  const iso = query[name];
  const m = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return { value: null, parts: { day: '', month: '', year: '' } };
  const checked = dateFromParts({ day: m[3], month: m[2], year: m[1] }, label, { required: false });
  return checked.value
    ? {
        value: checked.value,
        parts: { day: String(Number(m[3])), month: String(Number(m[2])), year: m[1]! },
      }
    : { value: null, parts: { day: '', month: '', year: '' } };
}
