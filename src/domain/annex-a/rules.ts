// Validation rules beyond single values: date order, dates before birth, fields that must go
// together, duplicate children and events, counts that must agree for a child. Each rule has a
// stable id (listed in docs/annex-a.md) and a severity: an error breaks the template (the row is
// kept, flagged), a query is worth a look.
import type { ListDef } from './lists.js';
import { dmy, monthYear } from './messages.js';
import type { ParsedRow, Severity } from './parse-types.js';

export interface RowContext {
  def: ListDef;
  data: ParsedRow['data'];
  referenceDate: string;
  flag(field: string | null, rule: string, severity: Severity, message: string): void;
}

type Order = [before: string, after: string, severity: Severity];

/** Pairs of dates where the first must not be after the second, per list. */
export const dateOrderRules: Record<number, Order[]> = {
  2: [['ehAssessmentStart', 'ehAssessmentEnd', 'error']],
  4: [['assessmentStart', 'assessmentAuthorised', 'error']],
  5: [['strategyDiscussionDate', 'icpcDate', 'error']],
  6: [
    ['cinStartDate', 'cinClosureDate', 'error'],
    ['cinStartDate', 'lastSeenDate', 'query'],
  ],
  7: [
    ['cpPlanStart', 'cpPlanEnd', 'error'],
    ['cpPlanStart', 'latestReviewConference', 'query'],
  ],
  8: [
    ['lookedAfterStart', 'ceasedDate', 'error'],
    ['lookedAfterStart', 'placementStart', 'query'],
    ['lookedAfterStart', 'legalStatusStart', 'query'],
    ['placementStart', 'ceasedDate', 'error'],
  ],
  10: [
    ['enteredCare', 'decisionToPlace', 'query'],
    ['matched', 'placedForAdoption', 'query'],
    ['placedForAdoption', 'adoptionOrder', 'error'],
  ],
  11: [
    ['enquiryDate', 'stage1Start', 'query'],
    ['stage1Start', 'stage1End', 'error'],
    ['stage2Start', 'stage2End', 'error'],
    ['applicationSubmitted', 'applicationApproved', 'error'],
    ['matched', 'placed', 'query'],
    ['placed', 'adoptionOrder', 'error'],
  ],
};

const label = (def: ListDef, key: string): string =>
  def.fields.find((f) => f.key === key)?.header ?? key;

export function rowChecks(ctx: RowContext): void {
  const { def, data } = ctx;
  const d = (k: string): string | null =>
    typeof data[k] === 'string' ? (data[k] as string) : null;
  for (const [a, b, severity] of dateOrderRules[def.number] ?? []) {
    const x = d(a);
    const y = d(b);
    if (x && y && y < x)
      ctx.flag(
        b,
        'date.order',
        severity,
        `'${label(def, b)}' (${dmy(y)}) is before '${label(def, a)}' (${dmy(x)}).`,
      );
  }
  // Events before the child was born (unborn children may have pre-birth work).
  const birthMonth = d('birthMonth');
  if (birthMonth && data.unborn !== true) {
    for (const f of def.fields) {
      if (f.type !== 'date') continue;
      const v = d(f.key);
      if (v && v.slice(0, 7) < birthMonth) {
        ctx.flag(
          f.key,
          'date.before-birth',
          'query',
          `'${f.header}' (${dmy(v)}) is before the month the child was born (${monthYear(birthMonth)}).`,
        );
        break;
      }
    }
  }
  const has = (k: string): boolean => data[k] !== null && data[k] !== undefined;
  switch (def.number) {
    case 5:
      if (data.icpcNotRequired === 'yes' && has('icpcDate'))
        ctx.flag(
          'icpcDate',
          'consistency',
          'query',
          'An ICPC date is given although the conference was deemed unnecessary.',
        );
      if (has('icpcResultedInPlan') && !has('icpcDate'))
        ctx.flag(
          'icpcResultedInPlan',
          'consistency',
          'query',
          'An ICPC outcome is given without an ICPC date.',
        );
      break;
    case 6:
      if (has('cinClosureDate') && !has('closureReason'))
        ctx.flag(
          'closureReason',
          'consistency',
          'error',
          'The episode has a closure date but no reason for closure.',
        );
      if (has('closureReason') && !has('cinClosureDate'))
        ctx.flag(
          'cinClosureDate',
          'consistency',
          'query',
          'A reason for closure is given without a closure date.',
        );
      if (data.caseStatus === 'closed' && !has('cinClosureDate'))
        ctx.flag(
          'caseStatus',
          'consistency',
          'query',
          "The case status is 'closed episode' but there is no closure date.",
        );
      break;
    case 8:
      if (has('ceasedDate') && !has('ceaseReason'))
        ctx.flag(
          'ceaseReason',
          'consistency',
          'error',
          'The child ceased to be looked after but no reason is given.',
        );
      if (has('ceaseReason') && !has('ceasedDate'))
        ctx.flag(
          'ceasedDate',
          'consistency',
          'error',
          'A reason for ceasing is given without the date.',
        );
      if (typeof data.placementsLast12Months === 'number' && data.placementsLast12Months < 1)
        ctx.flag(
          'placementsLast12Months',
          'consistency',
          'query',
          'The number of placements in the last 12 months should be at least 1.',
        );
      if (
        typeof data.missingEpisodes === 'number' &&
        data.missingEpisodes > 0 &&
        !has('returnInterviewOffered')
      )
        ctx.flag(
          'returnInterviewOffered',
          'consistency',
          'query',
          'The child has been missing but no return interview answer is given.',
        );
      if (data.categoryOfNeed === 'N9' || data.categoryOfNeed === 'N0')
        ctx.flag(
          'categoryOfNeed',
          'code.not-in-list',
          'query',
          `Category of need ${String(data.categoryOfNeed)} is not used for children in care (N1 to N8).`,
        );
      break;
    case 9:
      if (data.inTouch === 'YES' && !has('accommodation'))
        ctx.flag(
          'accommodation',
          'consistency',
          'query',
          'The LA is in touch but no accommodation is given.',
        );
      if (
        data.inTouch !== null &&
        data.inTouch !== 'YES' &&
        (has('accommodation') || has('activity'))
      )
        ctx.flag(
          'accommodation',
          'consistency',
          'query',
          'Accommodation or activity is given although the LA is not in touch.',
        );
      if (has('accommodation') && !has('suitability'))
        ctx.flag('suitability', 'consistency', 'query', 'The accommodation has no suitability.');
      break;
    case 10:
      if (has('noLongerPlacedReason') && !has('decisionNoLongerPlaced'))
        ctx.flag(
          'decisionNoLongerPlaced',
          'consistency',
          'query',
          'A reason is given without the date of the decision that the child should no longer be placed.',
        );
      if (has('adoptionOrder') && has('decisionNoLongerPlaced'))
        ctx.flag(
          'adoptionOrder',
          'consistency',
          'query',
          'An adoption order and a decision not to place are both recorded.',
        );
      break;
    case 11:
      if (has('leavingReason') && !has('leftProcess'))
        ctx.flag(
          'leftProcess',
          'consistency',
          'query',
          'A reason for leaving is given without the date.',
        );
      break;
  }
}

export type CrossRowReport = (
  field: string | null,
  rule: string,
  severity: Severity,
  message: string,
) => void;

const ONE_ROW_PER_CHILD = new Set([6, 7, 8, 9]);
const EVENT_DATE: Record<number, string> = {
  1: 'contactDate',
  2: 'ehAssessmentStart',
  3: 'referralDate',
  4: 'assessmentStart',
  5: 'strategyDiscussionDate',
};

/**
 * Checks across rows, one row at a time as rows arrive (so earlier rows never change): a child
 * twice in a one-row-per-child list, the same event twice, a per-child count that disagrees.
 * The later row is the one flagged, naming the earlier row.
 */
export function createCrossRowChecker(): (row: ParsedRow, report: CrossRowReport) => void {
  const firstByChild = new Map<string, number>();
  const firstEvent = new Map<string, number>();
  const referralCount = new Map<string, number>();
  return (row, report) => {
    if (!row.childId) return;
    const id = `${row.list}\u0000${row.childId}`;
    if (ONE_ROW_PER_CHILD.has(row.list) || row.list === 10 || row.list === 11) {
      const first = firstByChild.get(id);
      if (first !== undefined) {
        const what = row.list === 11 ? 'adopter' : 'child';
        report(
          row.list === 11 ? 'adopterId' : 'childId',
          'duplicate.child',
          row.list === 10 ? 'query' : 'error',
          `The same ${what} is also on row ${first}; List ${row.list} has one row per ${what}.`,
        );
      } else firstByChild.set(id, row.row);
    }
    const dateKey = EVENT_DATE[row.list];
    if (dateKey && typeof row.data[dateKey] === 'string') {
      const key = `${id}\u0000${row.data[dateKey] as string}`;
      const first = firstEvent.get(key);
      if (first !== undefined)
        report(
          dateKey,
          'duplicate.event',
          'query',
          `The same child has another row with this date (row ${first}).`,
        );
      else firstEvent.set(key, row.row);
    }
    if (row.list === 3 && typeof row.data.referralsLast12Months === 'number') {
      const seen = referralCount.get(row.childId);
      if (seen === undefined) referralCount.set(row.childId, row.data.referralsLast12Months);
      else if (seen !== row.data.referralsLast12Months)
        report(
          'referralsLast12Months',
          'consistency.per-child',
          'query',
          'The number of referrals in the last 12 months differs between this child’s rows (it should be the same on each).',
        );
    }
  };
}
