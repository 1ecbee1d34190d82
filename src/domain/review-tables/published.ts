// The review's published figures (reference/review-2019-tables.json) beside the same tables
// recomputed from a source, each difference explained. Pure: the caller reads the file and
// computes the tables (calendar years, and academic years for the SIF comparison).
import { z } from 'zod';
import type { ReviewTables } from './tables.js';
import { table3Categories } from './table3.js';

const n = z.number().nullable().optional();
const Period = z.object({ label: z.string(), yearStartMonth: z.number(), year: z.string() });
export const PublishedTables = z.object({
  table1: z.object({
    paragraph: z.string(),
    ilacsPeriod: Period,
    sifPeriod: Period,
    rows: z.array(
      z.object({ type: z.string(), ilacs: n, ilacsLas: n, sif: n, sifLas: n }).strict(),
    ),
  }),
  table2: z.object({
    paragraph: z.string(),
    year: z.string(),
    rows: z.array(
      z.object({ grade: z.string(), averageDays: z.number(), lasVisited: n, lasWithGrade: n }),
    ),
  }),
  table3: z.object({
    paragraph: z.string(),
    from: z.string(),
    to: z.string(),
    rows: z.array(z.object({ category: z.enum(table3Categories), count: z.number() })),
    total: z.number(),
  }),
  table4: z.object({
    paragraph: z.string(),
    rows: z.array(
      z.object({
        framework: z.enum(['SIF', 'ILACS']),
        lasEngaged: z.number(),
        inspectorDays: z.number(),
        workforce: z.string(),
      }),
    ),
  }),
  table7: z.object({
    paragraph: z.string(),
    year: z.string(),
    total: z.number(),
    rows: z.array(z.object({ theme: z.string(), count: z.number(), percent: z.number() })),
    areas: z.record(z.string(), z.number()),
  }),
});
export type PublishedTables = z.infer<typeof PublishedTables>;

export interface ComparisonLine {
  item: string;
  published: string;
  recomputed: string;
}
export interface ComparisonSection {
  table: string;
  paragraph: string;
  lines: ComparisonLine[];
  differences: string[];
}

export interface RecomputedSet {
  /** Calendar years (the review's Tables 1, 2, 7 and its ILACS year). */
  calendar: ReviewTables;
  /** Academic years from September (the review's SIF year, September 2016 to August 2017). */
  academic: ReviewTables;
  /** Years from April (Ofsted's statistics; the only year with focused-visit themes). */
  april: ReviewTables;
}

const show = (v: number | null | undefined): string =>
  v === null || v === undefined ? '–' : String(v);

function t1Count(t: ReviewTables, year: string, type: string) {
  return t.table1.find((r) => r.period === year && r.type === type);
}

function table1Section(p: PublishedTables['table1'], r: RecomputedSet): ComparisonSection {
  const ilacsYear = p.ilacsPeriod.year;
  const sifYear = p.sifPeriod.year;
  const lines: ComparisonLine[] = [];
  const missing = new Set<string>();
  for (const row of p.rows) {
    const il = t1Count(r.calendar, ilacsYear, row.type);
    const sf = t1Count(r.academic, sifYear, row.type);
    const ilGot = row.type === 'all' ? il?.las : il?.occurrences;
    const sfGot = row.type === 'all' ? sf?.las : sf?.occurrences;
    const pubIl = row.type === 'all' ? row.ilacsLas : row.ilacs;
    const pubSf = row.type === 'all' ? row.sifLas : row.sif;
    if (pubIl && !ilGot) missing.add(row.type);
    lines.push({
      item: row.type,
      published: `${p.ilacsPeriod.label}: ${show(pubIl)}${row.type !== 'all' && row.ilacsLas ? ` (${row.ilacsLas} LAs)` : ''}; ${p.sifPeriod.label}: ${show(pubSf)}${row.type !== 'all' && row.sifLas ? ` (${row.sifLas} LAs)` : ''}`,
      recomputed: `${show(ilGot ?? 0)}${il && row.type !== 'all' ? ` (${il.las} LAs)` : ''}; ${show(sfGot ?? 0)}${sf && row.type !== 'all' ? ` (${sf.las} LAs)` : ''}`,
    });
  }
  const differences = [
    `Years: the ILACS column is the calendar year ${ilacsYear} and the SIF column the academic year ${sifYear} (September to August), as the review's footnote 1; both are recomputed the same way, by each engagement's first day.`,
  ];
  if (missing.size > 0)
    differences.push(
      `Missing from the MI: ${[...missing].join(', ')}. Ofsted's published history records focused and monitoring visits only from April 2024 (the in-year file), no JTAIs and no annual engagement meetings; so "all on site" counts the LAs that had a judgement inspection (or a SIF inspection) alone.`,
    );
  const short = t1Count(r.calendar, ilacsYear, 'short_inspection')?.occurrences ?? 0;
  const std = t1Count(r.calendar, ilacsYear, 'standard_inspection')?.occurrences ?? 0;
  const pubShort = p.rows.find((x) => x.type === 'short_inspection')?.ilacs ?? 0;
  const pubStd = p.rows.find((x) => x.type === 'standard_inspection')?.ilacs ?? 0;
  differences.push(
    short === pubShort && std === pubStd
      ? 'Short and standard inspections match the review exactly.'
      : `Short and standard inspections differ (${short} and ${std} against ${pubShort} and ${pubStd}): the review counted inspections it carried out in the year, the MI each inspection by its first day, and inspections of inadequate LAs before September 2018 were SIF re-inspections, not ILACS.`,
  );
  const sif = t1Count(r.academic, sifYear, 'sif_inspection')?.occurrences ?? 0;
  const pubSif = p.rows.find((x) => x.type === 'sif_inspection')?.sif ?? 0;
  differences.push(
    sif === pubSif
      ? `SIF inspections in ${p.sifPeriod.label} match the review exactly (${sif}), recomputed from the grades extracted from SIF report texts.`
      : `SIF inspections differ (${sif} against ${pubSif}): they are recomputed from grades extracted from SIF report texts, some of which the extraction could not date; the review counted from Ofsted’s own records.`,
  );
  const sifIn2018 = t1Count(r.calendar, ilacsYear, 'sif_inspection')?.occurrences ?? 0;
  if (sifIn2018 > 0)
    differences.push(
      `"All on site" in ${ilacsYear} includes the LAs of ${sifIn2018} SIF inspections (re-inspections of inadequate LAs before September 2018), which the review's ILACS column left out.`,
    );
  return { table: 'Table 1', paragraph: p.paragraph, lines, differences };
}

function table2Section(p: PublishedTables['table2'], r: RecomputedSet): ComparisonSection {
  const lines = p.rows.map((row) => {
    const got = r.calendar.table2.find((x) => x.period === p.year && x.grade === row.grade);
    return {
      item: row.grade,
      published: `${row.averageDays}${row.lasVisited !== null && row.lasVisited !== undefined ? ` (${row.lasVisited} of ${show(row.lasWithGrade)} visited)` : ''}`,
      recomputed: `${show(got?.averageDays)} (${got?.lasVisited ?? 0} of ${got?.lasWithGrade ?? 0} visited)`,
    };
  });
  const byGrade = p.rows.filter((x) => x.grade !== 'overall');
  const weightedBy = (w: (x: (typeof byGrade)[number]) => number) => {
    const total = byGrade.reduce((s, x) => s + w(x), 0);
    return total
      ? Math.round((byGrade.reduce((s, x) => s + x.averageDays * w(x), 0) / total) * 10) / 10
      : 0;
  };
  return {
    table: 'Table 2',
    paragraph: p.paragraph,
    lines,
    differences: [
      'Without the 2018 focused and monitoring visits in the MI, only LAs inspected count, each with five or ten working days on site: the averages are higher and far fewer LAs are visited.',
      'LAs with each grade are those in the register on 1 January with their latest graded inspection before it (SIF grades from the report extract); the review counted 152 LAs.',
      `The review's weighted average (footnote 2) applied to its own rows gives ${weightedBy((x) => x.lasWithGrade ?? 0)} weighted by LAs holding each grade and ${weightedBy((x) => x.lasVisited ?? 0)} weighted by LAs visited; it printed ${p.rows.find((x) => x.grade === 'overall')?.averageDays}. Triangulate weights by LAs holding the grade, as the footnote words it.`,
    ],
  };
}

function table3Section(p: PublishedTables['table3'], r: RecomputedSet): ComparisonSection {
  const t3 = r.calendar.table3;
  return {
    table: 'Table 3',
    paragraph: p.paragraph,
    lines: p.rows.map((row) => ({
      item: row.category,
      published: `${row.count} of ${p.total}`,
      recomputed: t3.computable
        ? String(t3.rows.find((x) => x.category === row.category)?.count ?? 0)
        : 'not computed',
    })),
    differences: [t3.reason],
  };
}

function table4Section(p: PublishedTables['table4'], r: RecomputedSet): ComparisonSection {
  const pick = (t: ReviewTables, year: string, fw: 'SIF' | 'ILACS') =>
    t.table4.find((x) => x.period === year && x.framework === fw);
  const sif = pick(r.academic, '2016-17', 'SIF');
  const ilacs = pick(r.calendar, '2018', 'ILACS');
  const got = { SIF: sif, ILACS: ilacs };
  return {
    table: 'Table 4',
    paragraph: p.paragraph,
    lines: p.rows.map((row) => ({
      item: row.framework,
      published: `${row.lasEngaged} LAs, ${row.inspectorDays} inspector days (${row.workforce})`,
      recomputed: `${got[row.framework]?.lasEngaged ?? 0} LAs, ${got[row.framework]?.inspectorDays ?? 0} inspector days (${row.framework === 'SIF' ? 'September 2016 to August 2017' : '2018'}; workforce not modelled)`,
    })),
    differences: [
      'The review modelled a typical year of each framework (§26), not a count of one year; Triangulate counts the events of one year, each with its working days on site times the team size in the framework files (SIF 7, ILACS inspections 4, visits 2: settings, not facts).',
      'The MI lacks 2018 focused and monitoring visits, SIF-era monitoring visits and every JTAI, so LAs engaged and inspector days are far below the model.',
    ],
  };
}

function table7Section(p: PublishedTables['table7'], r: RecomputedSet): ComparisonSection {
  const inYear = r.calendar.table7.filter((x) => x.period === p.year);
  const latest = r.april.table7
    .map((x) => x.period)
    .sort()
    .at(-1);
  const later = r.april.table7.filter((x) => x.period === latest);
  const lines = p.rows.map((row) => {
    const a = inYear.find((x) => x.theme === row.theme);
    const b = later.find((x) => x.theme === row.theme);
    return {
      item: row.theme,
      published: `${row.count} (${row.percent}%)`,
      recomputed: `${p.year}: ${a ? `${a.count} (${a.percent}%)` : 0}; ${latest ?? 'no year'}: ${b ? `${b.count} (${b.percent}%)` : 0}`,
    };
  });
  const differences: string[] = [];
  if (inYear.length === 0)
    differences.push(
      `The MI records no focused visits in ${p.year}; themes are published only for ${latest ?? 'no year'} (April to March), shown beside.`,
    );
  differences.push(
    'Six years on, regions knew LAs from earlier visits: the front door gave way to care leavers and children in need, as the review expected (§77).',
  );
  return { table: 'Table 7', paragraph: p.paragraph, lines, differences };
}

export function compareWithPublished(p: PublishedTables, r: RecomputedSet): ComparisonSection[] {
  return [
    table1Section(p.table1, r),
    table2Section(p.table2, r),
    table3Section(p.table3, r),
    table4Section(p.table4, r),
    table7Section(p.table7, r),
  ];
}
