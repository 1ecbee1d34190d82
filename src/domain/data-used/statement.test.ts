import { describe, expect, it } from 'vitest';
import { nationalDataUsed } from './national.js';
import { buildDataUsedStatement, levelOf, type DataUsedFacts } from './statement.js';

const empty: DataUsedFacts = {
  listRows: {},
  indicatorViews: [],
  sefClaims: [],
  dataLines: [],
  documentLines: [],
  sampleCases: [],
  evidence: [],
  judgements: [],
};

describe('the data-used statement', () => {
  it('with nothing recorded, every list and document is unused', () => {
    const s = buildDataUsedStatement(empty);
    expect(s.lists).toHaveLength(11);
    expect(s.lists.every((l) => l.level === 'none' && l.rows === null)).toBe(true);
    expect(s.summary).toMatchObject({ listsProvided: 0, listsUsed: 0, documentsUsed: 0 });
    expect(s.sentences.join(' ')).toMatch(/Not used in this inspection: List 1, List 2/);
  });

  it('follows an indicator to its line, the evidence on that line and the judgement citing it', () => {
    const s = buildDataUsedStatement({
      ...empty,
      listRows: { 3: 120, 7: 40 },
      indicatorViews: [{ indicatorKey: 'referrals.count', personDays: 2 }],
      dataLines: [{ lineId: 'L1', indicatorKey: 'referrals.rereferral_percent' }],
      evidence: [
        { id: 'E1', method: 'case_file_reading', caseId: null, lineOfEnquiryId: 'L1' },
        { id: 'E2', method: 'case_file_reading', caseId: null, lineOfEnquiryId: null },
      ],
      judgements: [{ judgementKey: 'help', evidenceIds: ['E1', 'E2'], lineIds: [] }],
    });
    const l3 = s.lists.find((l) => l.list === 3)!;
    expect(l3.counts).toMatchObject({
      viewed: 2,
      linesOfEnquiry: 1,
      evidenceRecords: 1,
      judgements: 1,
    });
    expect(l3.level).toBe('judgements');
    expect(l3.indicators.find((i) => i.key === 'referrals.count')?.level).toBe('viewed');
    expect(l3.indicators.find((i) => i.key === 'referrals.rereferral_percent')?.level).toBe(
      'judgements',
    );
    // List 7 was provided but only provided.
    expect(s.lists.find((l) => l.list === 7)).toMatchObject({ rows: 40, level: 'none' });
    expect(s.summary).toMatchObject({ listsProvided: 2, listsUsed: 1, listsInJudgements: 1 });
  });

  it('credits a sampled case to its cohort’s lists, and LA audits to the audits document', () => {
    const s = buildDataUsedStatement({
      ...empty,
      sampleCases: [
        { caseId: 'C1', cohort: 'front_door', stratum: 'a', entryRoute: 'advance' },
        { caseId: 'C2', cohort: 'front_door', stratum: 'b', entryRoute: 'advance' },
        { caseId: 'C3', cohort: 'child_in_need', stratum: null, entryRoute: 'la_audit' },
      ],
      evidence: [
        { id: 'E1', method: 'case_file_reading', caseId: 'C1', lineOfEnquiryId: null },
        { id: 'E3', method: 'la_audit', caseId: 'C3', lineOfEnquiryId: null },
      ],
    });
    for (const n of [1, 3])
      expect(s.lists.find((l) => l.list === n)?.counts).toMatchObject({
        sampleStrata: 2,
        sampledCases: 2,
        evidenceRecords: 1,
      });
    expect(s.lists.find((l) => l.list === 6)?.level).toBe('none');
    const audits = s.documents.find((d) => d.key === 'la_audits')!;
    expect(audits.counts).toMatchObject({ sampledCases: 1, evidenceRecords: 1 });
    expect(audits.level).toBe('evidence');
  });

  it('a judgement citing a self-evaluation line counts for the self-evaluation', () => {
    const s = buildDataUsedStatement({
      ...empty,
      documentLines: [{ lineId: 'L9', document: 'self_evaluation' }],
      judgements: [{ judgementKey: 'leaders', evidenceIds: [], lineIds: ['L9'] }],
    });
    expect(s.documents.find((d) => d.key === 'self_evaluation')?.level).toBe('judgements');
  });

  it('levels: looking is not using', () => {
    const zero = {
      viewed: 0,
      selfEvaluationClaims: 0,
      linesOfEnquiry: 0,
      sampleStrata: 0,
      sampledCases: 0,
      evidenceRecords: 0,
      judgements: 0,
    };
    expect(levelOf({ ...zero, viewed: 3 })).toBe('viewed');
    expect(levelOf({ ...zero, sampleStrata: 1 })).toBe('fieldwork');
  });
});

describe('data used across inspections', () => {
  it('an item is never used when no inspection used it, whatever was looked at', () => {
    const a = buildDataUsedStatement({
      ...empty,
      listRows: { 1: 10, 2: 5 },
      indicatorViews: [{ indicatorKey: 'early_help.count', personDays: 1 }],
      dataLines: [{ lineId: 'L', indicatorKey: 'contacts.count' }],
    });
    const b = buildDataUsedStatement({ ...empty, listRows: { 1: 10 } });
    const n = nationalDataUsed([a, b]);
    expect(n.inspections).toBe(2);
    const list1 = n.items.find((i) => i.kind === 'list' && i.key === '1')!;
    expect(list1).toMatchObject({ inspections: 2, used: 1, neverUsed: false });
    const list2 = n.items.find((i) => i.kind === 'list' && i.key === '2')!;
    expect(list2).toMatchObject({ inspections: 1, viewed: 1, used: 0, neverUsed: true });
    expect(n.neverUsed).toContainEqual(list2);
  });
});
