import { describe, expect, it } from 'vitest';
import { allocationProblem, type AllocatedVisit } from './allocation.js';
import { gapStatements } from './gaps.js';
import { computeProgress, type ProgressInput } from './progress.js';
import type { ServiceArea } from './vocabulary.js';

const areas: ServiceArea[] = [
  {
    key: 'early_help',
    label: 'Early help',
    who: 'children and families in early help',
    judgements: [],
  },
  { key: 'care_leavers', label: 'Care leavers', who: 'care leavers', judgements: ['care_leavers'] },
  {
    key: 'in_care',
    label: 'Children in care',
    who: 'children in care',
    judgements: ['children_in_care'],
  },
];

function input(over: Partial<ProgressInput> = {}): ProgressInput {
  return {
    expectations: {
      remoteShareMaxPercent: 30,
      minutesPerCase: 60,
      observationMode: 'day_per_inspector',
      designatedObserverId: null,
    },
    serviceAreas: areas,
    minEvidencePerLine: 3,
    inspectors: [
      { id: 'a', label: 'Ann' },
      { id: 'b', label: 'Ben' },
    ],
    sampleCases: [
      { id: 's1', childRef: 'P-1', caseId: 'c1' },
      { id: 's2', childRef: 'P-2', caseId: 'c2' },
      { id: 's3', childRef: 'P-3', caseId: null },
      { id: 's4', childRef: 'P-4', caseId: null },
    ],
    visits: [
      { sampleCaseId: 's1', inspectorId: 'a', mode: 'in_person', status: 'done', minutesSpent: 50 },
      { sampleCaseId: 's2', inspectorId: 'a', mode: 'remote', status: 'done', minutesSpent: 30 },
      {
        sampleCaseId: 's3',
        inspectorId: 'b',
        mode: 'remote',
        status: 'planned',
        minutesSpent: null,
      },
      {
        sampleCaseId: 's4',
        inspectorId: 'b',
        mode: 'remote',
        status: 'cancelled',
        minutesSpent: null,
      },
    ],
    conversations: [
      { serviceArea: 'early_help', status: 'done' },
      { serviceArea: 'care_leavers', status: 'planned' },
    ],
    observations: [{ observerId: 'a', status: 'done' }],
    voiceRecordsByArea: { children_in_care: 2 },
    casesWithEvidence: new Set(['c1']),
    lines: [
      { id: 'l1', title: 'Plans are reviewed', status: 'open', evidenceCount: 1 },
      { id: 'l2', title: 'Closed line', status: 'closed', evidenceCount: 0 },
      { id: 'l3', title: 'Well evidenced', status: 'exploring', evidenceCount: 3 },
    ],
    ...over,
  };
}

describe('computeProgress', () => {
  it('counts cases, the remote share, time per case and voices per service area', () => {
    const p = computeProgress(input());
    expect(p).toMatchObject({
      sampleSize: 4,
      casesPlanned: 3,
      casesSeen: 2,
      casesUnallocated: 1,
      remoteSharePercent: 50,
      plannedRemoteSharePercent: 67,
      minutesPerCaseSeen: 40,
      observationsPlanned: 1,
      observationsDone: 1,
    });
    expect(
      p.voices.map((v) => [v.serviceArea.key, v.conversationsDone, v.evidenceRecords, v.heard]),
    ).toEqual([
      ['early_help', 1, 0, 1],
      ['care_leavers', 0, 0, 0],
      ['in_care', 0, 2, 2],
    ]);
    expect(p.thinLines.map((l) => l.id)).toEqual(['l1']);
    expect(
      p.inspectors.map((i) => [
        i.label,
        i.casesAllocated,
        i.casesSeen,
        i.casesWithoutEvidence.map((c) => c.childRef),
      ]),
    ).toEqual([
      ['Ann', 2, 2, ['P-2']],
      ['Ben', 1, 0, ['P-3']],
    ]);
  });

  it('names the gaps in plain words', () => {
    expect(gapStatements(computeProgress(input()))).toEqual([
      '1 sampled case not allocated to an inspector',
      '2 of 3 planned cases seen so far',
      'Remote share 50%, above the 30% set',
      '40 minutes per case seen on average, below the 60 expected',
      'No care leavers heard yet',
      'No observation planned for Ben',
      'Line of enquiry “Plans are reviewed” has 1 piece of evidence (3 wanted)',
      'Ann: 1 allocated case with no evidence yet',
      'Ben: 1 allocated case with no evidence yet',
    ]);
  });

  it('uses the planned share before any visit is done, and names a missing designated observer', () => {
    const p = computeProgress(
      input({
        visits: [
          {
            sampleCaseId: 's1',
            inspectorId: 'a',
            mode: 'remote',
            status: 'planned',
            minutesSpent: null,
          },
        ],
        expectations: {
          remoteShareMaxPercent: 30,
          minutesPerCase: 60,
          observationMode: 'designated_observer',
          designatedObserverId: null,
        },
        observations: [],
      }),
    );
    const gaps = gapStatements(p);
    expect(gaps).toContain('Planned remote share 100%, above the 30% set');
    expect(gaps).toContain('No observation of practice planned');
    expect(gaps).toContain('No designated observer chosen');
  });
});

describe('allocationProblem', () => {
  const visit = (over: Partial<AllocatedVisit>): AllocatedVisit => ({
    id: 'v1',
    sampleCaseId: 's1',
    inspectorId: 'a',
    inspectorLabel: 'Ann',
    status: 'planned',
    plannedJoint: false,
    ...over,
  });
  it('refuses a second inspector on a case unless planned jointly', () => {
    expect(
      allocationProblem([visit({})], { inspectorId: 'b', plannedJoint: false })?.allocatedTo,
    ).toBe('Ann');
    expect(allocationProblem([visit({})], { inspectorId: 'b', plannedJoint: true })).toBeNull();
  });
  it('allows the same inspector again, and ignores cancelled visits', () => {
    expect(allocationProblem([visit({})], { inspectorId: 'a', plannedJoint: false })).toBeNull();
    expect(
      allocationProblem([visit({ status: 'cancelled' })], {
        inspectorId: 'b',
        plannedJoint: false,
      }),
    ).toBeNull();
  });
});
