import { describe, expect, it } from 'vitest';
import { buildSampleStatement, marginOfError, spreadWords } from './build-statement.js';
import { allocateProportional, AUDITED_STRATUM, drawSample, streamSeed } from './draw.js';
import {
  buildPopulation,
  caseAttributesOf,
  localityOfTeam,
  type PopulationRow,
} from './population.js';
import { defaultSampleSpec, SampleSpec } from './spec.js';

const REF_DATE = '2025-07-07';
const teams = ['Locality North Duty', 'Locality South Duty', 'Children with Disabilities'];

/** A synthetic population: n children in care and n children in need, some in both. */
function rows(n: number): PopulationRow[] {
  const out: PopulationRow[] = [];
  for (let i = 0; i < n; i++) {
    const childRef = `C-${i.toString(16).padStart(16, '0')}`;
    out.push({
      list: 8,
      row: i + 2,
      childRef,
      fields: {
        team: i % 10 === 0 ? teams[2]! : teams[i % 2]!,
        workerRef: `W-${i % 7}`,
        age: String(i % 18),
        ethnicityGroup: i % 4 === 0 ? 'asian' : 'white',
        disability: i % 5 === 0 ? 'yes' : 'no',
        legalStatus: i % 3 === 0 ? 'V2' : 'C2',
        legalStatusGroup: i % 3 === 0 ? 'accommodated_under_s20' : 'full_care_orders',
        lookedAfterStart: i % 2 ? '2025-05-01' : '2022-01-01',
      },
    });
    if (i % 2 === 0)
      out.push({
        list: 6,
        row: i + 2,
        childRef,
        fields: { team: teams[i % 2]!, age: '7', cinStartDate: '2025-01-01' },
      });
  }
  return out;
}

const spec = (over: Partial<Record<string, unknown>> = {}) =>
  SampleSpec.parse({
    entries: [
      { cohort: 'child_in_care', size: 12, stratifyBy: ['team'], audited: 2 },
      { cohort: 'child_in_need', size: 8, stratifyBy: ['team'] },
    ],
    ...over,
  });

describe('population', () => {
  it('gives one case per child per cohort, front door keeping the latest referral', () => {
    const pop = buildPopulation(
      [
        { list: 1, row: 2, childRef: 'C-a', fields: { contactDate: '2025-06-01' } },
        {
          list: 3,
          row: 2,
          childRef: 'C-a',
          fields: { referralDate: '2025-03-01', team: 'Front Door MASH' },
        },
        { list: 1, row: 3, childRef: 'C-b', fields: { contactDate: '2025-06-01', age: '0' } },
        { list: 1, row: 4, childRef: 'C-b', fields: { contactDate: '2025-06-20', age: '0' } },
      ],
      REF_DATE,
    );
    expect(pop).toHaveLength(2);
    expect(pop[0]!.values.team).toBe('Front Door MASH');
    expect(pop[1]!.row).toBe(4);
    expect(pop[1]!.values.ageBand).toBe('Unborn or under 1');
    expect(pop[1]!.values.involvement).toBe('Under 3 months');
  });

  it('reads localities from team names and maps stratifier values to case attributes', () => {
    expect(localityOfTeam('Locality North Duty')).toBe('North');
    expect(localityOfTeam('East locality team')).toBe('East');
    expect(localityOfTeam('Children in Care Team 1')).toBe('Authority-wide');
    const [c] = buildPopulation(rows(1), REF_DATE).filter((x) => x.cohort === 'child_in_care');
    expect(c!.values.legalStatus).toBe('Section 20');
    expect(c!.values.involvement).toBe('Over 2 years');
    expect(caseAttributesOf(c!)).toEqual({
      cohort: 'child_in_care',
      legalStatus: 'section_20',
      ageBand: 'under_1',
      ethnicity: 'asian',
      disability: true,
    });
  });
});

describe('allocation', () => {
  it('is proportional with a minimum per stratum and adds up to the size', () => {
    const a = allocateProportional(
      [
        { key: 'a', population: 80 },
        { key: 'b', population: 15 },
        { key: 'c', population: 5 },
      ],
      10,
      1,
    );
    expect([...a.values()].reduce((t, n) => t + n, 0)).toBe(10);
    expect(a.get('c')).toBeGreaterThanOrEqual(1);
    expect(a.get('a')).toBeGreaterThan(a.get('b')!);
    expect(a.get('a')).toBe(7);
  });

  it('never asks a stratum for more than it has, and serves the largest first when short', () => {
    const a = allocateProportional(
      [
        { key: 'a', population: 2 },
        { key: 'b', population: 1 },
      ],
      10,
      1,
    );
    expect(Object.fromEntries(a)).toEqual({ a: 2, b: 1 });
    const b = allocateProportional(
      [
        { key: 'x', population: 50 },
        { key: 'y', population: 30 },
        { key: 'z', population: 3 },
      ],
      2,
      1,
    );
    expect(Object.fromEntries(b)).toEqual({ x: 1, y: 1, z: 0 });
  });
});

describe('draw', () => {
  const population = buildPopulation(rows(300), REF_DATE);
  const audited = new Set(['C-0000000000000003', 'C-0000000000000005', 'C-00000000000000ff']);

  it('is reproducible: same seed, population and spec give the same sample', () => {
    const a = drawSample({ population, spec: spec(), seed: 42, audited });
    const b = drawSample({
      population: [...population].reverse(),
      spec: spec(),
      seed: 42,
      audited,
    });
    expect(b.cases.map((c) => c.childRef)).toEqual(a.cases.map((c) => c.childRef));
    const c = drawSample({ population, spec: spec(), seed: 43, audited });
    expect(c.cases.map((x) => x.childRef)).not.toEqual(a.cases.map((x) => x.childRef));
    expect(streamSeed(1, 'x')).toBe(streamSeed(1, 'x'));
  });

  it('changing one cohort does not reshuffle another', () => {
    const a = drawSample({ population, spec: spec(), seed: 7, audited: new Set() });
    const changed = spec();
    changed.entries[1]!.size = 3;
    const b = drawSample({ population, spec: changed, seed: 7, audited: new Set() });
    const inCare = (r: typeof a) =>
      r.cases.filter((c) => c.cohort === 'child_in_care').map((c) => c.childRef);
    expect(inCare(b)).toEqual(inCare(a));
  });

  it('meets the quotas and draws the LA audited cases as their own stratum', () => {
    const r = drawSample({ population, spec: spec(), seed: 1, audited });
    const care = r.cases.filter((c) => c.cohort === 'child_in_care');
    expect(care).toHaveLength(14);
    const fromAudit = care.filter((c) => c.route === 'la_audit');
    expect(fromAudit).toHaveLength(2);
    expect(fromAudit.every((c) => audited.has(c.childRef) && c.stratum === AUDITED_STRATUM)).toBe(
      true,
    );
    // Audited children are not in the random strata.
    expect(care.filter((c) => c.route === 'advance').some((c) => audited.has(c.childRef))).toBe(
      false,
    );
    const entry = r.entries[0]!;
    expect(entry.audited).toMatchObject({ population: 3, quota: 2, drawn: 2 });
    expect(entry.strata.map((s) => s.key)).toEqual(teams.slice().sort());
    for (const s of entry.strata) {
      expect(s.drawn).toBe(s.quota);
      expect(care.filter((c) => c.stratum === s.key)).toHaveLength(s.drawn);
    }
    expect(entry.shortfall).toBe(0);
  });

  it('never takes the same child twice unless the spec allows it', () => {
    const r = drawSample({
      population,
      spec: spec({
        entries: [
          { cohort: 'child_in_care', size: 140 },
          { cohort: 'child_in_need', size: 150 },
        ],
      }),
      seed: 5,
      audited: new Set(),
      alreadySampled: new Set(['C-0000000000000002']),
    });
    const refs = r.cases.map((c) => c.childRef);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).not.toContain('C-0000000000000002');
    // 150 children in need, all also in care: only those not drawn for care remain.
    expect(r.entries[1]!.shortfall).toBeGreaterThan(0);

    const allowed = drawSample({
      population,
      spec: spec({
        allowSameChild: true,
        entries: [
          { cohort: 'child_in_care', size: 140 },
          { cohort: 'child_in_need', size: 150 },
        ],
      }),
      seed: 5,
      audited: new Set(),
    });
    expect(allowed.entries[1]!.shortfall).toBe(0);
    const need = allowed.cases.filter((c) => c.cohort === 'child_in_need').map((c) => c.childRef);
    expect(new Set(need).size).toBe(need.length);
  });

  it('takes explicit quotas per stratum', () => {
    const r = drawSample({
      population,
      spec: spec({
        entries: [
          {
            cohort: 'child_in_care',
            size: 0,
            stratifyBy: ['legalStatus'],
            allocation: 'explicit',
            quotas: { 'Section 20': 4, 'Care order': 1, 'Placement order': 3 },
          },
        ],
      }),
      seed: 9,
      audited: new Set(),
    });
    expect(r.cases.filter((c) => c.stratum === 'Section 20')).toHaveLength(4);
    expect(r.cases.filter((c) => c.stratum === 'Care order')).toHaveLength(1);
    expect(r.entries[0]!.shortfall).toBe(3);
  });

  it('the default spec covers the five cohorts', () => {
    expect(defaultSampleSpec().entries.map((e) => e.cohort)).toEqual([
      'front_door',
      'child_in_need',
      'child_protection',
      'child_in_care',
      'care_leaver',
    ]);
  });
});

describe('statement', () => {
  const population = buildPopulation(rows(300), REF_DATE);
  const r = drawSample({
    population,
    spec: spec(),
    seed: 3,
    audited: new Set(['C-0000000000000003']),
  });
  const cases = [
    ...r.cases.map((c) => ({
      cohort: c.cohort,
      route: c.route,
      remote: false,
      values: c.values,
      locality: c.locality,
    })),
    {
      cohort: 'child_in_care' as const,
      route: 'on_site' as const,
      remote: true,
      values: { team: teams[0]! },
      locality: 'North',
    },
  ];
  const s = buildSampleStatement({
    cases,
    population: r.population,
    draw: {
      seed: 3,
      drawnAt: new Date('2025-07-01T09:00:00Z'),
      referenceDate: REF_DATE,
      stratifiers: ['team'],
    },
  });

  it('counts the sample per cohort and entry route', () => {
    const sizes = s.tables.find((t) => t.caption === 'Sample size per cohort')!;
    expect(sizes.rows).toEqual([
      ['Children in need', '150', '8', '8', '0', '0', '0', '0'],
      ['Children in care', '300', '14', '12', '1', '1', '0', '1'],
    ]);
    const routes = s.tables.find((t) => t.caption === 'How cases entered the sample')!;
    expect(routes.rows[0]).toEqual([
      'Selected in advance by inspectors (random draw)',
      '20',
      '90.9%',
    ]);
    expect(routes.rows.at(-1)).toEqual(['Looked at remotely (any route)', '1', '4.5%']);
    expect(s.paragraphs[0]).toContain('22 cases');
    // The public statement gives the date of the draw, not its seed.
    expect(s.paragraphs[0]).toContain('drawn on 1 July 2025');
    expect(s.paragraphs.join(' ')).not.toMatch(/\bseed\b/);
  });

  it('compares sample and population proportions on each stratifier', () => {
    const legal = s.tables.find((t) => t.caption.startsWith('Legal status'))!;
    const s20 = legal.rows.find((row) => row[0] === 'Section 20')!;
    expect(s20[1]).toBe('100');
    // A third of children in care (14 of the 22 cases), none of the children in need (8 of 22).
    expect(s20[2]).toBe('21.2%');
    const s17 = legal.rows.find((row) => row[0] === 'Section 17 (child in need)')!;
    expect(s17.slice(2)).toEqual(['36.4%', '8', '36.4%', '+0.0 points']);
    const teamsCovered = s.tables.find((t) => t.caption === 'Coverage of teams')!;
    expect(teamsCovered.rows.map((x) => x[0])).toEqual(teams.slice().sort());
    expect(s.paragraphs.join(' ')).toContain('3 of 3 teams');
  });

  it('says what can and cannot be generalised', () => {
    const text = s.paragraphs.join(' ');
    // The spread in plain words (a margin of about 21 points: "about a fifth"), no raw ± figure.
    expect(text).toContain('Inspectors drew 20 cases at random');
    expect(text).toContain('by up to about a fifth either way');
    expect(text).not.toMatch(/±|percentage points/);
    expect(text).toContain('not chosen at random');
    expect(text).toContain('contacts and referrals');
    expect(marginOfError(20, 450)).toBeCloseTo(0.2145, 3);
    expect(marginOfError(10, 10)).toBe(0);
  });

  it('has nothing to report without cases', () => {
    const empty = buildSampleStatement({ cases: [], population: null, draw: null });
    expect(empty.tables).toEqual([]);
    expect(empty.paragraphs[0]).toContain('Nothing has been sampled');
  });

  it('puts the margin of error into plain words', () => {
    expect(spreadWords(0.04)).toContain('a few points in a hundred');
    expect(spreadWords(0.26)).toBe('by up to about a quarter either way');
    expect(spreadWords(0.6)).toBe('by up to about a half either way');
  });
});
