// The data profile of one Annex A import, built row by row so the caller can stream the rows
// (a 150,000-row import never sits in memory): per list, counts, distinct children, breakdowns
// by age band, gender, ethnicity, disability, team and worker, and the key indicators.
import { listDef } from '../annex-a/lists.js';
import {
  AdoptersList,
  AdoptionList,
  CareLeaversList,
  ChildProtectionList,
  ChildrenInCareList,
  ChildrenInNeedList,
} from './care.js';
import {
  ageBand,
  ageBandOrder,
  int,
  round1,
  Tally,
  text,
  type Distribution,
  type IndicatorValue,
  type ListResult,
  type ProfileRow,
} from './common.js';
import {
  AssessmentsList,
  ContactsList,
  EarlyHelpList,
  ReferralsList,
  Section47List,
  type ListContext,
} from './front-door.js';

export interface Breakdown {
  dimension: 'ageBand' | 'gender' | 'ethnicityGroup' | 'disability' | 'team';
  title: string;
  rows: { label: string; count: number; percent: number }[];
}

export interface ListProfile {
  list: number;
  title: string;
  rows: number;
  children: number;
  breakdowns: Breakdown[];
  workers: { count: number; medianRows: number; maxRows: number } | null;
  distributions: Distribution[];
}

export interface DataProfile {
  referenceDate: string;
  population: number | null;
  lists: ListProfile[];
  indicators: IndicatorValue[];
}

interface ListModule {
  add(r: ProfileRow): void;
  finish(ctx: ListContext): ListResult;
}

const DIMENSIONS: Array<{ dimension: Breakdown['dimension']; title: string; lists: number[] }> = [
  { dimension: 'ageBand', title: 'Age band', lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
  { dimension: 'gender', title: 'Gender', lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  { dimension: 'ethnicityGroup', title: 'Ethnicity', lists: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] },
  { dimension: 'disability', title: 'Disability', lists: [4, 5, 6, 7, 8, 9, 10, 11] },
  { dimension: 'team', title: 'Team', lists: [3, 4, 5, 6, 7, 8, 9] },
];

class ListAccumulator {
  rows = 0;
  readonly children = new Set<string>();
  readonly tallies = new Map<Breakdown['dimension'], Tally>();
  readonly workers = new Map<string, number>();
  constructor(
    readonly list: number,
    readonly module: ListModule,
  ) {
    for (const d of DIMENSIONS)
      if (d.lists.includes(list)) this.tallies.set(d.dimension, new Tally());
  }
  add(r: ProfileRow): void {
    this.rows += 1;
    if (r.childRef) this.children.add(r.childRef);
    for (const [dim, tally] of this.tallies) {
      const label =
        dim === 'ageBand'
          ? ageBand(this.list, int(r.data, 'age'), r.data.unborn === true)
          : (text(r.data, dim) ?? 'Not recorded');
      tally.add(label);
    }
    // Care leavers: the personal adviser (2023 layout), else the allocated worker.
    const worker =
      (this.list === 9 ? text(r.data, 'personalAdvisorRef') : null) ?? text(r.data, 'workerRef');
    if (worker && this.list >= 3 && this.list <= 9)
      this.workers.set(worker, (this.workers.get(worker) ?? 0) + 1);
    this.module.add(r);
  }
}

export class ProfileBuilder {
  private readonly lists = new Map<number, ListAccumulator>();
  private readonly referrals: ReferralsList;
  constructor(readonly referenceDate: string) {
    this.referrals = new ReferralsList();
    const modules: Record<number, ListModule> = {
      1: new ContactsList(),
      2: new EarlyHelpList(),
      3: this.referrals,
      4: new AssessmentsList(referenceDate),
      5: new Section47List(),
      6: new ChildrenInNeedList(referenceDate),
      7: new ChildProtectionList(referenceDate),
      8: new ChildrenInCareList(referenceDate),
      9: new CareLeaversList(),
      10: new AdoptionList(),
      11: new AdoptersList(),
    };
    for (const [n, m] of Object.entries(modules))
      this.lists.set(Number(n), new ListAccumulator(Number(n), m));
  }

  add(list: number, row: ProfileRow): void {
    this.lists.get(list)?.add(row);
  }

  finish(population: number | null): DataProfile {
    const ctx: ListContext = {
      referenceDate: this.referenceDate,
      population,
      referralChildren: this.referrals.childSet(),
    };
    const lists: ListProfile[] = [];
    const indicators: IndicatorValue[] = [];
    for (const [n, acc] of [...this.lists].sort(([a], [b]) => a - b)) {
      const result = acc.module.finish(ctx);
      indicators.push(...result.indicators);
      lists.push({
        list: n,
        title: listDef(n).title,
        rows: acc.rows,
        children: acc.children.size,
        breakdowns: DIMENSIONS.filter((d) => acc.tallies.has(d.dimension)).map((d) =>
          breakdownOf(d.dimension, d.title, acc.tallies.get(d.dimension) as Tally, acc.rows),
        ),
        workers: workerStats(acc.workers),
        distributions: result.distributions,
      });
    }
    return { referenceDate: this.referenceDate, population, lists, indicators };
  }
}

function breakdownOf(
  dimension: Breakdown['dimension'],
  title: string,
  tally: Tally,
  total: number,
): Breakdown {
  const entries = [...tally.counts];
  if (dimension === 'ageBand')
    entries.sort(([a], [b]) => ageBandOrder.indexOf(a) - ageBandOrder.indexOf(b));
  else entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  return {
    dimension,
    title,
    rows: entries.map(([label, count]) => ({
      label,
      count,
      percent: total ? round1((count / total) * 100) : 0,
    })),
  };
}

function workerStats(workers: Map<string, number>): ListProfile['workers'] {
  if (workers.size === 0) return null;
  const counts = [...workers.values()].sort((a, b) => a - b);
  const mid = Math.floor(counts.length / 2);
  const median =
    counts.length % 2
      ? (counts[mid] as number)
      : ((counts[mid - 1] as number) + (counts[mid] as number)) / 2;
  return { count: counts.length, medianRows: median, maxRows: counts[counts.length - 1] as number };
}
