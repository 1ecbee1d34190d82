// Lists 6 to 11 (children in need, child protection, children in care, care leavers, adoption,
// adopters): mostly the children open at the reference date and how up to date their plans,
// visits, reviews and checks are.
import {
  addMonths,
  binner,
  countOf,
  date,
  daysBetween,
  distribution,
  int,
  isYes,
  rateOf,
  Ratio,
  round1,
  Tally,
  text,
  type ListResult,
  type ProfileRow,
} from './common.js';
import { workingDaysUpTo, type ListContext } from './front-door.js';

/** Open at the reference date: no end date, or one after it. */
const openAt = (end: string | null, ref: string): boolean => end === null || end > ref;

const CIN_BINS = [
  'Under 3 months',
  '3 to 6 months',
  '6 to 12 months',
  '1 to 2 years',
  '2 years or more',
];

export class ChildrenInNeedList {
  rows = 0;
  open = 0;
  private notSeen = new Ratio();
  private durations = new Tally();
  private readonly bounds: string[];
  constructor(private readonly ref: string) {
    this.bounds = [-3, -6, -12, -24].map((m) => addMonths(ref, m));
  }
  add(r: ProfileRow): void {
    this.rows += 1;
    if (!openAt(date(r.data, 'cinClosureDate'), this.ref)) return;
    this.open += 1;
    const seen = date(r.data, 'lastSeenDate');
    this.notSeen.count(true, seen === null || daysBetween(seen, this.ref) > 42);
    const start = date(r.data, 'cinStartDate');
    if (start) this.durations.add(monthsBin(start, this.bounds));
  }
  finish(ctx: ListContext): ListResult {
    return {
      indicators: [
        countOf('cin.count', this.rows),
        rateOf('cin.rate_per_10k', this.open, ctx.population),
        this.notSeen.percent('cin.not_seen_6_weeks_percent'),
      ],
      distributions: [
        distribution('cin.open_duration', 'Open episodes by length', CIN_BINS, this.durations),
      ],
    };
  }
}

/** `bounds`: the reference date minus 3, 6, 12 and 24 months. */
function monthsBin(start: string, bounds: string[]): string {
  const i = bounds.findIndex((b) => start > b);
  return i === -1 ? (CIN_BINS[4] as string) : (CIN_BINS[i] as string);
}

const VISIT_BINS = [
  'Within 6 weeks',
  '6 to 12 weeks',
  '12 to 18 weeks',
  'Over 18 weeks',
  'No visit recorded',
];
const visitBin = binner(VISIT_BINS.slice(0, 4), [42, 84, 126]);

export class ChildProtectionList {
  rows = 0;
  open = 0;
  private repeat = new Ratio();
  private over2 = new Ratio();
  private endedOver2 = new Ratio();
  private overdue = new Ratio();
  private alone = new Ratio();
  private visits = new Tally();
  private categories = new Tally();
  private readonly sixMonthsAgo: string;
  private readonly twoYearsAgo: string;
  constructor(private readonly ref: string) {
    this.sixMonthsAgo = addMonths(ref, -6);
    this.twoYearsAgo = addMonths(ref, -24);
  }
  add(r: ProfileRow): void {
    this.rows += 1;
    const start = date(r.data, 'cpPlanStart');
    const end = date(r.data, 'cpPlanEnd');
    const sixMonthsAgo = this.sixMonthsAgo;
    if (start && start > sixMonthsAgo && start <= this.ref)
      this.repeat.count(true, (int(r.data, 'previousCpPlans') ?? 0) >= 1);
    if (!openAt(end, this.ref)) {
      if (start && end && end > sixMonthsAgo)
        this.endedOver2.count(true, start <= addMonths(end, -24));
      return;
    }
    this.open += 1;
    this.categories.add(text(r.data, 'latestCategory') ?? 'Not recorded');
    if (start) this.over2.count(true, start <= this.twoYearsAgo);
    const visit = date(r.data, 'lastStatutoryVisit');
    this.overdue.count(true, visit === null || workingDaysUpTo(visit, this.ref, 10) > 10);
    this.visits.add(visit === null ? 'No visit recorded' : visitBin(daysBetween(visit, this.ref)));
    this.alone.count(true, isYes(r.data, 'seenAlone'));
  }
  finish(ctx: ListContext): ListResult {
    return {
      indicators: [
        countOf('cp.count', this.rows),
        rateOf('cp.rate_per_10k', this.open, ctx.population),
        this.repeat.percent('cp.repeat_percent'),
        this.over2.percent('cp.over_2_years_percent'),
        this.endedOver2.percent('cp.ended_over_2_years_percent'),
        this.overdue.percent('cp.visits_overdue_percent'),
        this.alone.percent('cp.seen_alone_percent'),
      ],
      distributions: [
        distribution(
          'cp.since_visit',
          'Open plans by time since the last visit',
          VISIT_BINS,
          this.visits,
        ),
        distribution(
          'cp.category',
          'Open plans by latest category of abuse',
          ['NEG', 'PHY', 'SAB', 'EMO', 'MUL', 'Not recorded'],
          this.categories,
        ),
      ],
    };
  }
}

export class ChildrenInCareList {
  rows = 0;
  open = 0;
  private three = new Ratio();
  private stable = new Ratio();
  private reviews = new Ratio();
  private visits = new Ratio();
  private health = new Ratio();
  private dental = new Ratio();
  private missing = new Ratio();
  private offered = new Ratio();
  private accepted = new Ratio();
  private placements = new Tally();
  private readonly monthsAgo = new Map<number, string>();
  constructor(private readonly ref: string) {
    for (const m of [6, 12, 24, 30]) this.monthsAgo.set(m, addMonths(ref, -m));
  }
  private before(months: number): string {
    return this.monthsAgo.get(months) ?? addMonths(this.ref, -months);
  }
  add(r: ProfileRow): void {
    const d = r.data;
    this.rows += 1;
    const hasMissing = (int(d, 'missingEpisodes') ?? 0) >= 1;
    this.missing.count(true, hasMissing);
    if (hasMissing) {
      this.offered.count(true, isYes(d, 'returnInterviewOffered'));
      if (isYes(d, 'returnInterviewOffered'))
        this.accepted.count(true, isYes(d, 'returnInterviewAccepted'));
    }
    if (!openAt(date(d, 'ceasedDate'), this.ref)) return;
    this.open += 1;
    const n = int(d, 'placementsLast12Months');
    if (n !== null) this.placements.add(n >= 5 ? '5 or more' : String(n));
    this.three.count(n !== null, (n ?? 0) >= 3);
    const started = date(d, 'lookedAfterStart');
    const age = int(d, 'age');
    if (started && age !== null && age < 16 && started <= this.before(30)) {
      const placed = date(d, 'placementStart');
      this.stable.count(true, placed !== null && placed <= this.before(24));
    }
    const visit = date(d, 'lastSocialWorkVisit');
    this.visits.count(true, visit !== null && daysBetween(visit, this.ref) <= 42);
    // Reviews and checks are due only once a child has been in care for 20 working days.
    if (!started || workingDaysUpTo(started, this.ref, 20) <= 20) return;
    const within = (key: string, months: number): boolean => {
      const v = date(d, key);
      return v !== null && v >= this.before(months);
    };
    this.reviews.count(true, within('latestReview', 6));
    this.health.count(true, within('lastHealthAssessment', age !== null && age < 5 ? 6 : 12));
    this.dental.count(true, within('lastDentalCheck', 12));
  }
  finish(ctx: ListContext): ListResult {
    return {
      indicators: [
        countOf('cla.count', this.rows),
        rateOf('cla.rate_per_10k', this.open, ctx.population),
        this.three.percent('cla.three_placements_percent'),
        this.stable.percent('cla.long_term_stability_percent'),
        this.reviews.percent('cla.reviews_up_to_date_percent'),
        this.visits.percent('cla.visits_up_to_date_percent'),
        this.health.percent('cla.health_up_to_date_percent'),
        this.dental.percent('cla.dental_up_to_date_percent'),
        this.missing.percent('cla.missing_percent'),
        this.offered.percent('cla.return_offered_percent'),
        this.accepted.percent('cla.return_accepted_percent'),
      ],
      distributions: [
        distribution(
          'cla.placements_12_months',
          'Children in care by placements in 12 months',
          ['1', '2', '3', '4', '5 or more'],
          this.placements,
        ),
      ],
    };
  }
}

export class CareLeaversList {
  rows = 0;
  private inTouch = { '17_18': new Ratio(), '19_21': new Ratio() };
  private suitable = { '17_18': new Ratio(), '19_21': new Ratio() };
  private eet = { '17_18': new Ratio(), '19_21': new Ratio() };
  add(r: ProfileRow): void {
    const d = r.data;
    this.rows += 1;
    const age = int(d, 'age');
    const band =
      age === null
        ? null
        : age >= 17 && age <= 18
          ? '17_18'
          : age >= 19 && age <= 21
            ? '19_21'
            : null;
    if (!band) return;
    const code = text(d, 'inTouch');
    const group = text(d, 'inTouchGroup');
    const excluded = group === 'excluded' || code === 'DIED' || code === 'RHOM';
    this.inTouch[band].count(
      !excluded && (code !== null || group !== null),
      code === 'YES' || group === 'in_touch',
    );
    this.suitable[band].count(true, d.suitability === 'suitable');
    this.eet[band].count(true, d.activityGroup === 'eet');
  }
  finish(): ListResult {
    return {
      indicators: [
        countOf('care_leavers.count', this.rows),
        this.inTouch['17_18'].percent('care_leavers.in_touch_17_18_percent'),
        this.inTouch['19_21'].percent('care_leavers.in_touch_19_21_percent'),
        this.suitable['17_18'].percent('care_leavers.suitable_17_18_percent'),
        this.suitable['19_21'].percent('care_leavers.suitable_19_21_percent'),
        this.eet['17_18'].percent('care_leavers.eet_17_18_percent'),
        this.eet['19_21'].percent('care_leavers.eet_19_21_percent'),
      ],
      distributions: [],
    };
  }
}

export class AdoptionList {
  rows = 0;
  private placedDays = 0;
  private placed = 0;
  add(r: ProfileRow): void {
    this.rows += 1;
    const entered = date(r.data, 'enteredCare');
    const placed = date(r.data, 'placedForAdoption');
    if (entered && placed && placed >= entered) {
      this.placed += 1;
      this.placedDays += daysBetween(entered, placed);
    }
  }
  finish(): ListResult {
    return {
      indicators: [
        countOf('adoption.count', this.rows),
        {
          key: 'adoption.days_care_to_placed',
          value: this.placed ? round1(this.placedDays / this.placed) : null,
          numerator: this.placedDays,
          denominator: this.placed,
        },
      ],
      distributions: [],
    };
  }
}

export class AdoptersList {
  rows = 0;
  private approved = new Ratio();
  add(r: ProfileRow): void {
    this.rows += 1;
    this.approved.count(
      date(r.data, 'applicationSubmitted') !== null,
      date(r.data, 'applicationApproved') !== null,
    );
  }
  finish(): ListResult {
    return {
      indicators: [
        countOf('adopters.count', this.rows),
        this.approved.percent('adopters.approved_percent'),
      ],
      distributions: [],
    };
  }
}
