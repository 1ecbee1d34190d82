// Lists 1 to 5 (contacts, early help, referrals, assessments, section 47 enquiries): flows over
// the six months before the reference date. Timescales are in working days on the England and
// Wales bank-holiday calendar (domain/calendar), counting the end day but not the start day.
import { isWorkingDay } from '../calendar/working-days.js';
import {
  addMonths,
  binner,
  countOf,
  date,
  distribution,
  int,
  isYes,
  percentOf,
  rateOf,
  Ratio,
  Tally,
  type ListResult,
  type ProfileRow,
} from './common.js';

export interface ListContext {
  referenceDate: string;
  population: number | null;
  /** Children on List 3 (for contacts leading to referral). */
  referralChildren: ReadonlySet<string>;
}

// Working days as a running count per calendar year, filled from the shared calendar's
// isWorkingDay once per year: a 150,000-row profile asks for hundreds of thousands of spans,
// and a subtraction of two counts replaces walking every day of each span.
const DAY = 86_400_000;
const yearCounts = new Map<number, Int16Array>(); // day of year -> working days up to that day
const yearStarts = new Map<number, number>(); // working days from 1 Jan 2000 to the year's start
const ANCHOR = 2000;

function countsOf(year: number): Int16Array {
  let c = yearCounts.get(year);
  if (c) return c;
  const start = Date.UTC(year, 0, 1);
  const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / DAY);
  c = new Int16Array(days);
  let n = 0;
  for (let i = 0; i < days; i++) {
    if (isWorkingDay(new Date(start + i * DAY).toISOString().slice(0, 10))) n += 1;
    c[i] = n;
  }
  yearCounts.set(year, c);
  return c;
}

function yearStart(year: number): number {
  const hit = yearStarts.get(year);
  if (hit !== undefined) return hit;
  let v = 0;
  if (year > ANCHOR) v = yearStart(year - 1) + (countsOf(year - 1).at(-1) ?? 0);
  else if (year < ANCHOR) v = yearStart(year + 1) - (countsOf(year).at(-1) ?? 0);
  yearStarts.set(year, v);
  return v;
}

/** Working days from 1 January 2000 up to and including `iso`. */
function workingDayIndex(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const t = Date.parse(`${iso}T00:00:00Z`);
  const day = Math.round((t - Date.UTC(year, 0, 1)) / DAY);
  return yearStart(year) + (countsOf(year)[day] ?? 0);
}

/**
 * Working days from a to b, counting b but not a (as domain/calendar's workingDaysBetween),
 * exact up to `limit`; beyond it `limit + 1`. Negative when b is before a.
 */
export function workingDaysUpTo(a: string, b: string, limit: number): number {
  return Math.min(workingDayIndex(b) - workingDayIndex(a), limit + 1);
}

export class ContactsList {
  rows = 0;
  private perChild = new Map<string, number>();
  add(r: ProfileRow): void {
    this.rows += 1;
    if (r.childRef) this.perChild.set(r.childRef, (this.perChild.get(r.childRef) ?? 0) + 1);
  }
  finish(ctx: ListContext): ListResult {
    let referred = 0;
    let repeat = 0;
    const multiples = new Tally();
    for (const [child, n] of this.perChild) {
      if (ctx.referralChildren.has(child)) referred += 1;
      if (n >= 2) repeat += 1;
      multiples.add(n >= 5 ? '5 or more' : String(n));
    }
    const children = this.perChild.size;
    return {
      indicators: [
        countOf('contacts.count', this.rows),
        rateOf('contacts.rate_per_10k', this.rows, ctx.population, 2),
        percentOf('contacts.to_referral_percent', referred, children),
        percentOf('contacts.repeat_percent', repeat, children),
      ],
      distributions: [
        distribution(
          'contacts.per_child',
          'Contacts per child',
          ['1', '2', '3', '4', '5 or more'],
          multiples,
        ),
      ],
    };
  }
}

export class EarlyHelpList {
  rows = 0;
  private completed = new Ratio();
  add(r: ProfileRow): void {
    this.rows += 1;
    this.completed.count(true, date(r.data, 'ehAssessmentEnd') !== null);
  }
  finish(): ListResult {
    return {
      indicators: [
        countOf('early_help.count', this.rows),
        this.completed.percent('early_help.completed_percent'),
      ],
      distributions: [],
    };
  }
}

export class ReferralsList {
  rows = 0;
  private nfa = new Ratio();
  private children = new Map<string, { dates: string[]; last12: number }>();
  private last12 = new Tally();
  private undated = 0;
  add(r: ProfileRow): void {
    this.rows += 1;
    this.nfa.count(true, isYes(r.data, 'referralNfa'));
    const n12 = int(r.data, 'referralsLast12Months');
    if (n12 !== null) this.last12.add(n12 >= 4 ? '4 or more' : String(n12));
    const d = date(r.data, 'referralDate');
    if (!r.childRef || !d) {
      this.undated += 1;
      return;
    }
    const c = this.children.get(r.childRef) ?? { dates: [], last12: 0 };
    c.dates.push(d);
    c.last12 = Math.max(c.last12, n12 ?? 0);
    this.children.set(r.childRef, c);
  }
  /**
   * A referral is a re-referral when the same child had another referral in the 12 months before
   * it. For a child's later rows the earlier row shows it; for the first row, "Number of Referrals
   * in Last 12 Months" (counted back from the latest referral) larger than the child's other rows
   * means an earlier referral outside the list, which is then within 12 months of the first too.
   */
  static reReferrals(dates: string[], last12: number): number {
    const sorted = [...dates].sort();
    let n = last12 > sorted.length - 1 ? 1 : 0;
    for (let i = 1; i < sorted.length; i++) {
      if ((sorted[i - 1] as string) >= addMonths(sorted[i] as string, -12)) n += 1;
    }
    return n;
  }
  finish(ctx: ListContext): ListResult {
    let re = 0;
    let dated = 0;
    for (const c of this.children.values()) {
      re += ReferralsList.reReferrals(c.dates, c.last12);
      dated += c.dates.length;
    }
    return {
      indicators: [
        countOf('referrals.count', this.rows),
        rateOf('referrals.rate_per_10k', this.rows, ctx.population, 2),
        this.nfa.percent('referrals.nfa_percent'),
        percentOf('referrals.rereferral_percent', re, dated),
      ],
      distributions: [
        distribution(
          'referrals.last_12_months',
          'Number of referrals in the last 12 months',
          ['0', '1', '2', '3', '4 or more'],
          this.last12,
        ),
      ],
    };
  }
  childSet(): Set<string> {
    return new Set(this.children.keys());
  }
}

const ASSESSMENT_BINS = [
  'Same day',
  '1 to 10',
  '11 to 20',
  '21 to 30',
  '31 to 45',
  '46 to 60',
  'Over 60',
];
const assessmentBin = binner(ASSESSMENT_BINS, [0, 10, 20, 30, 45, 60]);

export class AssessmentsList {
  rows = 0;
  private within45 = new Ratio();
  private openOver45 = new Ratio();
  private seen = new Ratio();
  private support = new Ratio();
  private bins = new Tally();
  constructor(private readonly referenceDate: string) {}
  add(r: ProfileRow): void {
    this.rows += 1;
    const start = date(r.data, 'assessmentStart');
    const end = date(r.data, 'assessmentAuthorised');
    this.seen.count(true, isYes(r.data, 'childSeen'));
    if (end) {
      const s = r.data.requiresSupport;
      this.support.count(s === 'yes' || s === 'no', s === 'yes');
    }
    if (!start) return;
    if (end) {
      const wd = workingDaysUpTo(start, end, 61);
      if (wd < 0) return; // ends before it starts: flagged by the import, not counted
      this.within45.count(true, wd <= 45);
      this.bins.add(assessmentBin(wd));
    } else {
      this.openOver45.count(true, workingDaysUpTo(start, this.referenceDate, 45) > 45);
    }
  }
  finish(ctx: ListContext): ListResult {
    return {
      indicators: [
        countOf('assessments.count', this.rows),
        rateOf('assessments.rate_per_10k', this.rows, ctx.population, 2),
        this.within45.percent('assessments.within_45_wd_percent'),
        this.openOver45.percent('assessments.open_over_45_wd_percent'),
        this.seen.percent('assessments.child_seen_percent'),
        this.support.percent('assessments.support_percent'),
      ],
      distributions: [
        distribution(
          'assessments.duration_wd',
          'Completed assessments by working days taken',
          ASSESSMENT_BINS,
          this.bins,
        ),
      ],
    };
  }
}

const ICPC_BINS = ['Same day', '1 to 5', '6 to 10', '11 to 15', '16 to 20', 'Over 20'];
const icpcBin = binner(ICPC_BINS, [0, 5, 10, 15, 20]);

export class Section47List {
  rows = 0;
  private icpc = new Ratio();
  private within15 = new Ratio();
  private icpcPlan = new Ratio();
  private plan = new Ratio();
  private repeat = new Ratio();
  private bins = new Tally();
  add(r: ProfileRow): void {
    this.rows += 1;
    const strategy = date(r.data, 'strategyDiscussionDate');
    const icpc = date(r.data, 'icpcDate');
    const plan = isYes(r.data, 'icpcResultedInPlan');
    this.icpc.count(true, icpc !== null);
    this.plan.count(true, icpc !== null && plan);
    if (icpc) this.icpcPlan.count(true, plan);
    this.repeat.count(true, (int(r.data, 's47sLast12Months') ?? 0) >= 1);
    if (strategy && icpc) {
      const wd = workingDaysUpTo(strategy, icpc, 20);
      if (wd < 0) return;
      this.within15.count(true, wd <= 15);
      this.bins.add(icpcBin(wd));
    }
  }
  finish(ctx: ListContext): ListResult {
    return {
      indicators: [
        countOf('s47.count', this.rows),
        rateOf('s47.rate_per_10k', this.rows, ctx.population, 2),
        this.icpc.percent('s47.icpc_percent'),
        this.within15.percent('s47.icpc_within_15_wd_percent'),
        this.icpcPlan.percent('s47.icpc_plan_percent'),
        this.plan.percent('s47.plan_percent'),
        this.repeat.percent('s47.repeat_percent'),
      ],
      distributions: [
        distribution(
          's47.strategy_to_icpc_wd',
          'Strategy discussion to initial conference, working days',
          ICPC_BINS,
          this.bins,
        ),
      ],
    };
  }
}
