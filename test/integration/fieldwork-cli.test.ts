// `triangulate fieldwork`, `practice-qa` and `strengths` on the demo, as one real run of the built
// CLI on an embedded database in a temporary folder (the demo seeded through the CLI first): the
// lead allocates a case (a second inspector on the same case is refused), plans a conversation
// with consent and an observation; the inspector marks a visit done and the progress counts it;
// the QAM records an observation of the inspector's practice, which the inspector reads in their
// development record and national staff see only as patterns (no one named); the lead assembles
// the draft and accounts for each strength fed back. The demo's offline-captured records show in
// the audit log with when they were written and when they arrived. `--json` output throughout.
import { describe, expect, it } from 'vitest';
import { DEMO_FIELDWORK_PLAN } from '../../src/demo/seed-demo-fieldwork-plan.js';
import { DEMO_OFFLINE } from '../../src/demo/seed-demo-offline.js';
import { cliSandbox } from '../helpers/cli.js';
import { testEngine } from '../helpers/database.js';

const LEAD = ['--as', 'lead@triangulate.example'];
const INSPECTOR = ['--as', 'inspector@triangulate.example'];
const QAM = ['--as', 'qam@triangulate.example'];
const NATIONAL = ['--as', 'national@triangulate.example'];

interface Plan {
  inspectors: { id: string; label: string }[];
  sampleCases: { id: string; childRef: string; allocatedTo: string[] }[];
  visits: { id: string; sampleCaseId: string; inspectorId: string; status: string }[];
  conversations: { id: string; consent: string; infoSheet: string }[];
  observations: { id: string; kind: string }[];
}
interface Progress {
  progress: { casesSeen: number; casesPlanned: number; observationsPlanned: number };
  gaps: string[];
}
interface Strengths {
  strengths: { key: string; status: string; text: string }[];
  paragraphs: { sectionKey: string; index: number }[];
}

describe.runIf(testEngine() === 'pglite')(
  'triangulate fieldwork, practice-qa and strengths',
  () => {
    it('plans and follows fieldwork, records practice QA and accounts for strengths', () => {
      const cli = cliSandbox('fieldwork-cli-');
      try {
        const { run, json } = cli;
        const { activityId } = json<{ activityId: string }>('demo', 'seed');
        const A = ['--activity', activityId];

        // The demo's plan, as the lead reads it.
        const plan = json<Plan>('fieldwork', 'plan', ...A, ...LEAD);
        expect(plan.visits).toHaveLength(DEMO_FIELDWORK_PLAN.visits);
        expect(plan.conversations).toHaveLength(DEMO_FIELDWORK_PLAN.conversations);
        expect(plan.observations).toHaveLength(DEMO_FIELDWORK_PLAN.observations);
        const inspector = plan.inspectors.find((i) => i.label.startsWith('Tom Achebe'))!;
        const lead = plan.inspectors.find((i) => i.id !== inspector.id)!;
        const free = plan.sampleCases.find((c) => c.allocatedTo.length === 0)!;
        expect(free).toBeDefined();

        // The lead allocates a case; the same case to another inspector is refused (not planned).
        const visit = json<{ id: string; mode: string }>(
          'fieldwork',
          'allocate',
          ...A,
          '--case',
          free.id,
          '--inspector',
          inspector.id,
          '--social-worker',
          'SW-40',
          '--remote',
          ...LEAD,
        );
        expect(visit.mode).toBe('remote');
        const twice = run(
          'fieldwork',
          'allocate',
          ...A,
          '--case',
          free.id,
          '--inspector',
          lead.id,
          ...LEAD,
          '--json',
        );
        expect(twice.status).not.toBe(0);
        expect(JSON.parse(twice.stderr)).toMatchObject({
          error: { code: 'CASE_ALREADY_ALLOCATED' },
        });
        // Only the lead changes the plan.
        const notLead = run(
          'fieldwork',
          'add-observation',
          ...A,
          '--kind',
          'meeting',
          '--observer',
          inspector.id,
          ...INSPECTOR,
          '--json',
        );
        expect(JSON.parse(notLead.stderr)).toMatchObject({ error: { code: 'FORBIDDEN' } });

        const conversation = json<{ id: string; consent: string; infoSheet: string }>(
          'fieldwork',
          'add-conversation',
          ...A,
          '--with',
          'young_person',
          '--area',
          'care_leavers',
          '--inspector',
          inspector.id,
          '--info-sheet',
          'given',
          '--consent',
          'given',
          ...LEAD,
        );
        expect(conversation).toMatchObject({ consent: 'given', infoSheet: 'given' });
        const observation = json<{ id: string; kind: string }>(
          'fieldwork',
          'add-observation',
          ...A,
          '--kind',
          'meeting',
          '--observer',
          inspector.id,
          '--description',
          'Strategy discussion',
          ...LEAD,
        );
        expect(observation.kind).toBe('meeting');

        // The inspector marks their new visit done; the progress counts it.
        const before = json<Progress>('fieldwork', 'progress', ...A, ...LEAD);
        json(
          'fieldwork',
          'done',
          ...A,
          '--kind',
          'visit',
          '--item',
          visit.id,
          '--minutes',
          '40',
          ...INSPECTOR,
        );
        const after = json<Progress>('fieldwork', 'progress', ...A, ...INSPECTOR);
        expect(after.progress.casesPlanned).toBe(DEMO_FIELDWORK_PLAN.visits + 1);
        expect(after.progress.casesSeen).toBe(before.progress.casesSeen + 1);
        expect(after.progress.observationsPlanned).toBe(DEMO_FIELDWORK_PLAN.observations + 1);
        expect(after.gaps.length).toBeGreaterThan(0);
        expect(after.gaps.every((g) => typeof g === 'string' && g.length > 0)).toBe(true);

        // Practice QA: the QAM observes the inspector; the inspector reads it; national staff see
        // patterns without a name.
        const recorded = json<{ id: string }>(
          'practice-qa',
          'record',
          ...A,
          '--inspector',
          'inspector@triangulate.example',
          '--on',
          '2026-11-20',
          '--setting',
          'Case discussion (CLI)',
          '--rating',
          'depth_of_case_discussion=strong:Probed the plan',
          '--rating',
          'use_of_childrens_voices=developing',
          '--rating',
          'balance_of_strengths_and_weaknesses=effective',
          '--development',
          'Ask what the child said.',
          ...QAM,
        );
        const listed = json<{ observations: { id: string }[] }>(
          'practice-qa',
          'list',
          ...A,
          ...QAM,
        );
        expect(listed.observations.map((o) => o.id)).toContain(recorded.id);
        const mine = json<{ observations: { id: string; setting: string }[] }>(
          'practice-qa',
          'development',
          ...INSPECTOR,
        );
        expect(mine.observations.map((o) => o.setting)).toContain('Case discussion (CLI)');
        const patterns = run(
          'practice-qa',
          'patterns',
          '--group-by',
          'region',
          ...NATIONAL,
          '--json',
        );
        expect(patterns.status, patterns.stderr).toBe(0);
        expect(JSON.parse(patterns.stdout)).toMatchObject({ groupBy: 'region' });
        expect(patterns.stdout).not.toMatch(/inspector@triangulate|Inspector Ian|"inspector":/i);

        // Strengths fed back, against the draft the lead assembles.
        expect(run('report', 'draft', ...A, '--json').status).toBe(0);
        const strengths = json<Strengths>('strengths', 'list', ...A, ...LEAD);
        expect(strengths.strengths.length).toBeGreaterThan(0);
        const first = strengths.strengths[0]!;
        const p = strengths.paragraphs[0]!;
        const noReason = run(
          'strengths',
          'explain',
          ...A,
          '--strength',
          first.key,
          '--reason',
          ' ',
          ...LEAD,
          '--json',
        );
        expect(JSON.parse(noReason.stderr)).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
        const linked = json<Strengths>(
          'strengths',
          'link',
          ...A,
          '--strength',
          first.key,
          '--paragraph',
          `${p.sectionKey}:${p.index}`,
          ...LEAD,
        );
        expect(linked.strengths.find((s) => s.key === first.key)?.status).toBe('linked');

        // The inspector's offline-captured records: written on the device, received later.
        const audit = json<
          { after?: { source?: string; writtenAt?: string; receivedAt?: string } }[]
        >('audit', 'list', ...A, '--action', 'evidence.recorded', '--limit', '200');
        const offline = audit.filter((e) => e.after?.source === 'offline');
        expect(offline).toHaveLength(DEMO_OFFLINE.records);
        for (const e of offline)
          expect(Date.parse(e.after!.writtenAt!)).toBeLessThan(Date.parse(e.after!.receivedAt!));
      } finally {
        cli.remove();
      }
    }, 600_000);
  },
);
