// The demo's risk picture: three years of intelligence and risk assessments for Northfield and
// the other current LAs of its region, recorded by the regional senior HMI through the same use
// cases people use, dated back from the demo inspection's first day (not from today). All of it
// is synthetic: no real authority's intelligence or risk is described.
import { addDays } from '../clock.js';
import type { UserActor } from '../domain/access/actor.js';
import type { IntelligenceKind } from '../domain/risk/intelligence.js';
import type { UseCaseContext } from '../usecases/context.js';
import { assessRisk } from '../usecases/risk/assess-risk.js';
import { getAssessmentForm } from '../usecases/risk/get-assessment-form.js';
import { getRegionalRiskView } from '../usecases/risk/get-regional-risk-view.js';
import { recordIntelligence } from '../usecases/risk/record-intelligence.js';

interface DemoEntry {
  kind: IntelligenceKind;
  title: string;
  source: string;
  daysBefore: number;
  shared?: boolean;
  domains?: string[];
}

/** Northfield's own three years, oldest last (days before the inspection's first day). */
const NORTHFIELD: DemoEntry[] = [
  {
    kind: 'self_evaluation',
    title: 'Self-evaluation of social work practice 2024',
    source: 'DCS',
    daysBefore: 1000,
    shared: true,
  },
  {
    kind: 'engagement_meeting',
    title: 'Annual engagement meeting 2024',
    source: 'Regional SHMI',
    daysBefore: 960,
    shared: true,
  },
  {
    kind: 'national_statistics',
    title: 'Re-referrals within 12 months above statistical neighbours',
    source: 'DfE children in need statistics',
    daysBefore: 800,
    shared: true,
  },
  {
    kind: 'leadership_change',
    title: 'New director of children’s services appointed',
    source: 'Chief executive by email',
    daysBefore: 700,
    shared: true,
  },
  {
    kind: 'serious_incident',
    title: 'Serious incident notification (child under a protection plan)',
    source: 'Serious incident notification',
    daysBefore: 640,
  },
  {
    kind: 'self_evaluation',
    title: 'Self-evaluation of social work practice 2025',
    source: 'DCS',
    daysBefore: 620,
    shared: true,
  },
  {
    kind: 'engagement_meeting',
    title: 'Annual engagement meeting 2025',
    source: 'Regional SHMI',
    daysBefore: 590,
    shared: true,
  },
  {
    kind: 'whistleblowing',
    title: 'Concern about caseloads in the assessment teams',
    source: 'Whistle-blowing line',
    daysBefore: 420,
  },
  {
    kind: 'regulatory_finding',
    title: 'LA children’s home judged requires improvement',
    source: 'Regulatory inspection report',
    daysBefore: 380,
    shared: true,
  },
  {
    kind: 'complaint',
    title: 'Parent’s complaint about delay in assessment',
    source: 'Complaint to Ofsted',
    daysBefore: 300,
  },
  {
    kind: 'national_statistics',
    title: 'Placement stability improving, in line with England',
    source: 'DfE children looked after statistics',
    daysBefore: 250,
    shared: true,
  },
  {
    kind: 'self_evaluation',
    title: 'Self-evaluation of social work practice 2026',
    source: 'DCS',
    daysBefore: 230,
    shared: true,
  },
  {
    kind: 'engagement_meeting',
    title: 'Annual engagement meeting 2026',
    source: 'Regional SHMI',
    daysBefore: 200,
    shared: true,
  },
  {
    kind: 'dfe_intervention',
    title: 'DfE improvement adviser appointed',
    source: 'DfE',
    daysBefore: 150,
    shared: true,
  },
  {
    kind: 'other',
    title: 'Contact from the DCS about a restructure of the front door',
    source: 'DCS by telephone',
    daysBefore: 60,
    shared: true,
  },
];

/** A few entries for each other LA of the region, varied by the LA's place in the list. */
function otherEntries(i: number): DemoEntry[] {
  const year = (n: number) => 2026 - n;
  return [
    {
      kind: 'self_evaluation',
      title: `Self-evaluation ${year(2)}`,
      source: 'DCS',
      daysBefore: 900 + (i % 5) * 7,
      shared: true,
    },
    {
      kind: 'engagement_meeting',
      title: `Annual engagement meeting ${year(1)}`,
      source: 'Regional SHMI',
      daysBefore: 500 + (i % 7) * 9,
      shared: true,
    },
    i % 3 === 0
      ? {
          kind: 'serious_incident',
          title: 'Serious incident notification',
          source: 'Serious incident notification',
          daysBefore: 200 + i,
        }
      : {
          kind: 'national_statistics',
          title: 'Referral rate in line with statistical neighbours',
          source: 'DfE statistics',
          daysBefore: 220 + i,
          shared: true,
        },
    ...(i % 4 === 1
      ? [
          {
            kind: 'leadership_change' as const,
            title: 'Interim DCS in post',
            source: 'Chief executive',
            daysBefore: 90 + i,
            shared: true,
          },
        ]
      : []),
  ];
}

type Rating = 'green' | 'amber' | 'red';

/** Rates each domain: a base rating, with some domains one step worse, by a small pattern. */
function ratingsFor(domains: string[], worse: number[], base: Rating): Record<string, Rating> {
  const step: Record<Rating, Rating> = { green: 'amber', amber: 'red', red: 'red' };
  return Object.fromEntries(domains.map((d, i) => [d, worse.includes(i) ? step[base] : base]));
}

async function seedLa(
  ctx: UseCaseContext,
  laId: string,
  entries: DemoEntry[],
  start: string,
  plan: { daysBefore: number; worse: number[]; base: Rating; reason: string }[],
): Promise<void> {
  for (const e of entries) {
    // Self-evaluations and meetings are logged by their own records (seed-demo-selfeval.ts).
    if (e.kind === 'self_evaluation' || e.kind === 'engagement_meeting') continue;
    await recordIntelligence(ctx, {
      laId,
      kind: e.kind,
      title: e.title,
      source: e.source,
      receivedOn: addDays(start, -e.daysBefore),
      sharedWithLa: e.shared ?? false,
      domainKeys: e.domains ?? [],
    });
  }
  for (const p of plan) {
    const form = await getAssessmentForm(ctx, { laId });
    const keys = form.domains.map((d) => d.key);
    const ratings = ratingsFor(keys, p.worse, p.base);
    await assessRisk(ctx, {
      laId,
      assessedOn: addDays(start, -p.daysBefore),
      ratings: form.domains.map((d) => ({
        domain: d.key,
        rating: ratings[d.key]!,
        justification: `${d.title}: ${ratings[d.key] === 'green' ? 'no current concern' : 'concern noted from the intelligence linked'}.`,
        // Link the entries the model says bear on the domain, as recorded by then.
        evidence: d.candidates
          .filter((c) => c.receivedOn <= addDays(start, -p.daysBefore))
          .slice(0, 2)
          .map((c) => c.id),
      })),
      changeReason: p.reason,
    });
  }
}

/** Seeds the region's risk picture; the regional SHMI records everything. */
export async function seedDemoRisk(
  db: UseCaseContext['db'],
  regional: UserActor,
  northfieldId: string,
  start: string,
): Promise<void> {
  const ctx: UseCaseContext = { db, actor: regional };
  await seedLa(ctx, northfieldId, NORTHFIELD, start, [
    {
      daysBefore: 950,
      worse: [1],
      base: 'green',
      reason: 'First assessment after the 2024 engagement meeting',
    },
    {
      daysBefore: 600,
      worse: [1, 2, 3],
      base: 'green',
      reason: 'New DCS; serious incident; re-referrals rising',
    },
    {
      daysBefore: 280,
      worse: [1, 4, 5],
      base: 'amber',
      reason: 'Whistle-blowing and a complaint about delay; children’s home requires improvement',
    },
    {
      daysBefore: 140,
      worse: [4],
      base: 'amber',
      reason: 'DfE adviser in place; improvement plan credible; inspection scheduled',
    },
  ]);
  const region = await getRegionalRiskView(ctx, {});
  let i = 0;
  for (const row of region.rows) {
    if (row.la.id === northfieldId) continue;
    i += 1;
    await seedLa(ctx, row.la.id, otherEntries(i), start, [
      {
        daysBefore: 700 + (i % 6) * 10,
        worse: i % 5 === 0 ? [2] : [],
        base: 'green',
        reason: 'Annual review',
      },
      // Some reviews fall due before the demo's day: the regional view flags them as overdue.
      {
        daysBefore: i % 4 === 0 ? 420 : 120 + (i % 9) * 5,
        worse: i % 3 === 0 ? [1, 3] : i % 5 === 0 ? [0] : [],
        base: i % 7 === 0 ? 'amber' : 'green',
        reason: 'Review after the engagement meeting',
      },
    ]);
  }
}
