// The sample transparency statement (Birmingham recommendation 6): how big the sample is per
// cohort, how cases were chosen, which teams and localities it reaches, how it compares with
// the population on each stratifier, and what its findings can and cannot be generalised to.
import type { CohortPopulation } from './draw.js';
import {
  cohortDefs,
  cohortIds,
  NOT_RECORDED,
  stratifierIds,
  stratifierLabels,
  type CohortId,
  type StratifierId,
} from './population.js';
import type { SampleStatement, StatementTable } from './statement.js';
import { MONTH_NAMES } from '../calendar/months.js';

export const entryRoutes = ['advance', 'on_site', 'social_worker', 'la_audit'] as const;
export type EntryRoute = (typeof entryRoutes)[number];

export const entryRouteLabels: Record<EntryRoute, string> = {
  advance: 'Selected in advance by inspectors (random draw)',
  on_site: 'Chosen on site against criteria',
  social_worker: 'Chosen by the social worker',
  la_audit: 'From the LA’s own audits',
};

export interface StatementCase {
  cohort: CohortId;
  route: EntryRoute;
  remote: boolean;
  values: Partial<Record<StratifierId, string>>;
  locality: string | null;
}

export interface StatementInput {
  cases: StatementCase[];
  /** Population counts per cohort, from the draw (null: no draw yet). */
  population: Partial<Record<CohortId, CohortPopulation>> | null;
  draw: { seed: number; drawnAt: Date; referenceDate: string; stratifiers: StratifierId[] } | null;
}

const pct = (n: number, d: number): string => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');
const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
const listWords = (items: string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** How each group is named in the statement's sentences (plain words, no jargon). */
const cohortWords: Record<CohortId, { one: string; many: string }> = {
  front_door: { one: 'contact or referral', many: 'contacts and referrals' },
  child_in_need: { one: 'child in need', many: 'children in need' },
  child_protection: { one: 'child with a protection plan', many: 'children with protection plans' },
  child_in_care: { one: 'child in care', many: 'children in care' },
  care_leaver: { one: 'care leaver', many: 'care leavers' },
};

/** "2025-07-01" -> "1 July 2025" (the date as a reader writes it). */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTH_NAMES[(m ?? 1) - 1]} ${y}`;
}

/**
 * A 95% margin of error (a proportion, 0-1) in words for a public report: how far a share seen
 * in the sample could be from the share among all the children, rounded to a plain fraction.
 */
export function spreadWords(margin: number): string {
  if (margin <= 0.05) return 'by no more than a few points in a hundred either way';
  if (margin <= 0.12) return 'by up to about a tenth either way';
  if (margin <= 0.22) return 'by up to about a fifth either way';
  if (margin <= 0.3) return 'by up to about a quarter either way';
  if (margin <= 0.4) return 'by up to about a third either way';
  return 'by up to about a half either way';
}

/** Half-width of a 95% interval for a proportion of one half, with finite-population correction. */
export function marginOfError(n: number, populationSize: number): number {
  if (n <= 0) return 1;
  const fpc = populationSize > 1 ? Math.max(0, (populationSize - n) / (populationSize - 1)) : 0;
  return 1.96 * Math.sqrt(0.25 / n) * Math.sqrt(fpc);
}

function count<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

export function buildSampleStatement(input: StatementInput): SampleStatement {
  const { cases, population, draw } = input;
  const cohorts = cohortIds.filter((c) => cases.some((x) => x.cohort === c));
  const total = cases.length;
  const paragraphs: string[] = [];
  const tables: StatementTable[] = [];
  if (total === 0) {
    return {
      paragraphs: [
        'Nothing has been sampled for this activity yet, so there is nothing to report on the sample.',
      ],
      tables: [],
    };
  }

  // 1. Size per cohort.
  const byRoute = (route: EntryRoute, list: StatementCase[]) =>
    list.filter((c) => c.route === route).length;
  tables.push({
    caption: 'Sample size per cohort',
    head: [
      'Cohort',
      'Children in Annex A',
      'Cases sampled',
      'Drawn at random',
      'LA audits',
      'Chosen on site',
      'Chosen by social worker',
      'Looked at remotely',
    ],
    rows: cohorts.map((c) => {
      const list = cases.filter((x) => x.cohort === c);
      const p = population?.[c];
      return [
        cohortDefs[c].label,
        p ? String(p.total) : 'not known',
        String(list.length),
        String(byRoute('advance', list)),
        String(byRoute('la_audit', list)),
        String(byRoute('on_site', list)),
        String(byRoute('social_worker', list)),
        String(list.filter((x) => x.remote).length),
      ];
    }),
  });
  const sizes = cohorts.map((c) => {
    const n = cases.filter((x) => x.cohort === c).length;
    return `${n} ${n === 1 ? cohortWords[c].one : cohortWords[c].many}`;
  });
  paragraphs.push(
    `The sample has ${plural(total, 'case')}: ${listWords(sizes)}.` +
      (draw
        ? ` The random part was drawn on ${longDate(draw.drawnAt.toISOString().slice(0, 10))} from the Annex A lists, with ages and lengths of involvement worked out at ${longDate(draw.referenceDate)}.`
        : ''),
  );

  // 2. How cases were chosen.
  const routeRows = entryRoutes
    .map((r) => [entryRouteLabels[r], byRoute(r, cases)] as const)
    .filter(([, n]) => n > 0);
  const remote = cases.filter((c) => c.remote).length;
  tables.push({
    caption: 'How cases entered the sample',
    head: ['Route', 'Cases', 'Share'],
    rows: [
      ...routeRows.map(([label, n]) => [label, String(n), pct(n, total)]),
      ['Looked at remotely (any route)', String(remote), pct(remote, total)],
    ],
  });
  const random = byRoute('advance', cases);
  const how: string[] = [];
  if (random)
    how.push(
      `${plural(random, 'case was', 'cases were')} drawn at random in advance by inspectors${draw?.stratifiers.length ? `, within strata by ${listWords(draw.stratifiers.map((s) => stratifierLabels[s].toLowerCase()))}` : ''}`,
    );
  const audited = byRoute('la_audit', cases);
  if (audited)
    how.push(
      `${plural(audited, 'case', 'cases')} came from the local authority’s own recent audits, drawn as a separate stratum`,
    );
  const onSite = byRoute('on_site', cases);
  if (onSite)
    how.push(`${plural(onSite, 'case was', 'cases were')} chosen on site against criteria`);
  const sw = byRoute('social_worker', cases);
  if (sw) how.push(`${plural(sw, 'case was', 'cases were')} chosen by social workers`);
  paragraphs.push(
    `${how.map((h) => h.replace(/^./, (c) => c.toUpperCase())).join('. ')}. ${
      remote
        ? `${plural(remote, 'case', 'cases')} (${pct(remote, total)}) ${remote === 1 ? 'was' : 'were'} looked at remotely rather than with the worker on site.`
        : 'The cases were looked at on site.'
    }`,
  );

  // 3. Coverage of teams and localities.
  const inSample = (key: (c: StatementCase) => string | null | undefined) =>
    new Set(cases.map(key).filter((v): v is string => !!v && v !== NOT_RECORDED));
  const popKeys = (pick: (p: CohortPopulation) => Record<string, number>) => {
    const m = new Map<string, number>();
    for (const c of cohorts) {
      const p = population?.[c];
      if (!p) continue;
      for (const [k, n] of Object.entries(pick(p)))
        if (k !== NOT_RECORDED) m.set(k, (m.get(k) ?? 0) + n);
    }
    return m;
  };
  const coverage = (
    label: 'teams' | 'localities',
    popMap: Map<string, number>,
    sample: Set<string>,
  ) => {
    const names = [...new Set([...popMap.keys(), ...sample])].sort();
    return {
      table: {
        caption: `Coverage of ${label}`,
        head: [label === 'teams' ? 'Team' : 'Locality', 'Children in Annex A', 'Cases sampled'],
        rows: names.map((n) => [
          n,
          String(popMap.get(n) ?? 0),
          String(
            cases.filter((c) => (label === 'teams' ? c.values.team : c.locality) === n).length,
          ),
        ]),
      },
      covered: names.filter((n) => sample.has(n)),
      missing: names.filter((n) => !sample.has(n) && (popMap.get(n) ?? 0) > 0),
      all: names,
    };
  };
  const teams = coverage(
    'teams',
    popKeys((p) => p.byStratifier.team),
    inSample((c) => c.values.team),
  );
  const localities = coverage(
    'localities',
    popKeys((p) => p.byLocality),
    inSample((c) => c.locality),
  );
  tables.push(teams.table, localities.table);
  const workersPop = popKeys((p) => p.byStratifier.worker).size;
  const workersIn = inSample((c) => c.values.worker).size;
  paragraphs.push(
    `The sample reaches ${teams.covered.length} of ${teams.all.length} teams and ${localities.covered.length} of ${localities.all.length} localities` +
      (workersPop ? `, and the cases of ${workersIn} of ${workersPop} allocated workers` : '') +
      '.' +
      (teams.missing.length && teams.missing.length <= 6
        ? ` The sample has nothing from ${listWords(teams.missing)}.`
        : teams.missing.length
          ? ` ${teams.missing.length} teams have no case in the sample.`
          : ''),
  );

  // 4. Sample against population on each stratifier. The sample takes different numbers from
  // each cohort by design, so the expected share of a value is its share within each cohort,
  // weighted by that cohort's share of the sample: the difference then shows how cases were
  // chosen within cohorts, not how many were taken from each.
  const notable: string[] = [];
  if (population) {
    const weightOf = new Map(
      cohorts.map((c) => [c, cases.filter((x) => x.cohort === c).length / total]),
    );
    const weightSum = cohorts
      .filter((c) => population[c]?.total)
      .reduce((t, c) => t + (weightOf.get(c) ?? 0), 0);
    if (weightSum > 0)
      paragraphs.push(
        'Some tables compare the sample with the population. There, the expected share of a value is its share of the children in Annex A in each group, weighted by that group’s share of the sample.',
      );
    for (const s of weightSum > 0 ? stratifierIds : []) {
      if (s === 'worker' || s === 'team') continue;
      const counts = new Map<string, number>();
      const expected = new Map<string, number>();
      for (const c of cohorts) {
        const p = population[c];
        if (!p?.total) continue;
        for (const [v, n] of Object.entries(p.byStratifier[s])) {
          counts.set(v, (counts.get(v) ?? 0) + n);
          expected.set(
            v,
            (expected.get(v) ?? 0) + ((weightOf.get(c) ?? 0) * n) / p.total / weightSum,
          );
        }
      }
      const sampleCounts = count(cases, (c) => c.values[s] ?? NOT_RECORDED);
      const values = [...new Set([...counts.keys(), ...sampleCounts.keys()])].sort((a, b) =>
        a === NOT_RECORDED
          ? 1
          : b === NOT_RECORDED
            ? -1
            : (expected.get(b) ?? 0) - (expected.get(a) ?? 0) || (a < b ? -1 : 1),
      );
      tables.push({
        caption: `${stratifierLabels[s]}: sample compared with the population`,
        head: [
          'Value',
          'Children in Annex A',
          'Expected share',
          'Sample',
          'Sample share',
          'Difference',
        ],
        rows: values.map((v) => {
          const e = 100 * (expected.get(v) ?? 0);
          const n = sampleCounts.get(v) ?? 0;
          const diff = (100 * n) / total - e;
          if (Math.abs(diff) >= 15 && total >= 10)
            notable.push(
              `For ${stratifierLabels[s].toLowerCase()}, “${v}” makes up ${pct(n, total)} of the sample, against ${e.toFixed(1)}% expected.`,
            );
          return [
            v,
            String(counts.get(v) ?? 0),
            `${e.toFixed(1)}%`,
            String(n),
            pct(n, total),
            `${diff >= 0 ? '+' : '−'}${Math.abs(diff).toFixed(1)} points`,
          ];
        }),
      });
    }
  }

  // 5. What can and cannot be generalised. Public text: the size of the sample and how far a
  // share seen in it could be from the true share, in words; no seed, no raw margin of error.
  const popRandom = cohorts.reduce((t, c) => t + (population?.[c]?.total ?? 0), 0);
  const sampled = listWords(cohorts.map((c) => cohortWords[c].many));
  const spread = random ? spreadWords(marginOfError(random, popRandom || random)) : null;
  const can =
    random >= 1 && spread
      ? [
          `Inspectors drew ${plural(random, 'case')} at random from the ${popRandom ? `${popRandom.toLocaleString('en-GB')} ` : ''}${sampled} on the Annex A lists.`,
          `What they found in ${random === 1 ? 'this case' : 'these cases'} gives an indication of practice for these children at the time of the inspection.`,
          `With a sample of this size, a share seen in the sample could differ from the share among the children on the Annex A lists ${spread}.`,
          ...(draw?.stratifiers.length
            ? [
                'Some groups were given a minimum number of cases, so they carry more weight in the sample than on the Annex A lists.',
              ]
            : []),
        ].join(' ')
      : 'The cases were not drawn at random, so the findings describe the cases seen. They cannot be read as showing practice across the local authority.';
  const cannot: string[] = [];
  if (onSite + sw + audited)
    cannot.push(
      `The ${plural(onSite + sw + audited, 'case')} chosen on site, by social workers or from the local authority’s audits ${onSite + sw + audited === 1 ? 'was' : 'were'} not chosen at random. What they show applies to those cases alone.`,
    );
  const unsampled = cohortIds.filter((c) => !cohorts.includes(c)).map((c) => cohortWords[c].many);
  cannot.push(
    `Early help, adoption${unsampled.length ? `, ${unsampled.join(', ')}` : ''} and children outside the Annex A lists were not sampled. The findings say nothing about them.`,
  );
  cannot.push(
    'The sample is too small to compare teams, workers or groups of children with each other, or to measure change over time.',
  );
  cannot.push(...notable.slice(0, 4));
  paragraphs.push(can, cannot.join(' '));

  return { paragraphs, tables };
}
