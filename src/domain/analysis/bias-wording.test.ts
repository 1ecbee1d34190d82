import { describe, expect, it } from 'vitest';
import {
  arrivalStatement,
  coverageStatement,
  dateInWords,
  directionStatement,
  methodMixStatement,
  voiceStatement,
} from './bias-wording.js';

const HP = 'Help and protection';

describe('strengths against areas for improvement', () => {
  const d = (strength: number, areaForImprovement: number, unset = 0) =>
    directionStatement(HP, { strength, areaForImprovement, mixed: 0, context: 0, unset });

  it('says when it is too early to tell', () => {
    expect(d(1, 2)).toEqual({
      text: 'Only 3 records for help and protection so far: too few to judge.',
      level: 'note',
    });
  });

  it('flags deficit bias and one-sided evidence', () => {
    expect(d(0, 9).text).toBe(
      'None of the 9 evaluative help and protection records is a strength: check that good practice seen is being recorded (deficit bias).',
    );
    expect(d(12, 0)).toMatchObject({ level: 'concern' });
    expect(d(12, 0).text).toMatch(/^All 12 evaluative help and protection records are strengths/);
    expect(d(2, 18).text).toMatch(
      /^Only 10% of evaluative help and protection evidence \(2 of 20\)/,
    );
    expect(d(18, 2).text).toMatch(/^90% of evaluative/);
  });

  it('describes balanced evidence and notes missing directions', () => {
    expect(d(12, 9)).toEqual({
      text: 'Help and protection evidence has 12 strengths and 9 areas for improvement (57% strengths).',
      level: 'ok',
    });
    expect(d(5, 5, 10)).toMatchObject({ level: 'note' });
    expect(d(5, 5, 10).text).toMatch(/50% of its records have no direction recorded\.$/);
  });
});

describe('method mix', () => {
  it('reproduces the over-reliance on case records the Birmingham review found', () => {
    const s = methodMixStatement(HP, {
      caseRecords: 41,
      written: 41,
      discussion: 9,
      observation: 0,
      childrenAndFamilies: 0,
    });
    expect(s).toEqual({
      text: '82% of help and protection evidence comes from case records; no observation of practice yet and no conversations with children or families yet.',
      level: 'concern',
    });
  });

  it('names written sources generally when case records are not the bulk', () => {
    const s = methodMixStatement(
      'Impact of leaders',
      {
        caseRecords: 1,
        written: 7,
        discussion: 3,
        observation: 0,
        childrenAndFamilies: 0,
      },
      { expectChildrenAndFamilies: false },
    );
    expect(s.text).toBe(
      '70% of impact of leaders evidence comes from written records (case files, data, audits, self-evaluation); no observation of practice yet.',
    );
  });

  it('is content with a real mix', () => {
    expect(
      methodMixStatement(HP, {
        caseRecords: 4,
        written: 4,
        discussion: 3,
        observation: 2,
        childrenAndFamilies: 1,
      }),
    ).toEqual({
      text: 'Help and protection evidence draws on a mix of methods: 40% written records, 30% discussion, 20% observation, 10% children and families.',
      level: 'ok',
    });
  });
});

describe('coverage', () => {
  it('reports spread, concentration on one team and unseen sampled cases', () => {
    const s = coverageStatement(HP, {
      records: 20,
      teams: { covered: 4, known: 9, top: { label: 'Team East', records: 10 } },
      localities: { covered: 2, known: 3, top: null },
      practitioners: { covered: 12, known: null, top: { label: 'P7', records: 3 } },
      sampledCases: { withEvidence: 22, sampled: 40 },
    });
    expect(s).toEqual({
      text: "Help and protection evidence covers 4 of 9 teams, 2 of 3 localities and 12 practitioners; 50% of it concerns one team (Team East). 18 of 40 sampled children's cases have no evidence here yet.",
      level: 'concern',
    });
  });

  it('is quiet when evidence is spread', () => {
    const s = coverageStatement(HP, {
      records: 20,
      teams: { covered: 5, known: 6, top: { label: 'Team A', records: 5 } },
      localities: { covered: 3, known: 3, top: null },
      practitioners: { covered: 15, known: 20, top: { label: 'P1', records: 2 } },
      sampledCases: { withEvidence: 10, sampled: 10 },
    });
    expect(s.level).toBe('ok');
  });
});

describe('voice of the child', () => {
  it('names service areas where children are not heard', () => {
    const s = voiceStatement(HP, {
      records: 41,
      childVoice: 5,
      livedExperience: 8,
      conversations: 0,
      byServiceArea: [
        { label: 'Early help', records: 10, childVoice: 0 },
        { label: 'Child protection', records: 20, childVoice: 5 },
        { label: 'Child in need', records: 2, childVoice: 0 },
      ],
    });
    expect(s).toEqual({
      text: "The child's voice is evidenced in 12% of help and protection records (5 of 41); no direct conversations with children yet; none in early help cases.",
      level: 'concern',
    });
  });
});

describe('when evidence arrived', () => {
  it('warns about first impressions and vivid recent evidence', () => {
    expect(dateInWords('2026-12-07')).toBe('7 December 2026');
    expect(
      arrivalStatement('Children in care', {
        records: 20,
        firstDay: '2026-12-07',
        onFirstDay: 9,
        lastDay: '2026-12-10',
        onLastDay: 2,
        days: 4,
      }),
    ).toEqual({
      text: '45% of children in care evidence was gathered on the first day (7 December 2026): first impressions may weigh heavily; test them against later evidence.',
      level: 'concern',
    });
    expect(
      arrivalStatement(HP, {
        records: 20,
        firstDay: '2026-12-07',
        onFirstDay: 2,
        lastDay: '2026-12-10',
        onLastDay: 12,
        days: 4,
      }).text,
    ).toMatch(/^60% of help and protection evidence arrived on the latest day/);
    expect(
      arrivalStatement(HP, {
        records: 20,
        firstDay: '2026-12-07',
        onFirstDay: 3,
        lastDay: '2026-12-10',
        onLastDay: 5,
        days: 4,
      }),
    ).toEqual({
      text: 'Help and protection evidence arrived across 4 days; 15% on the first day.',
      level: 'ok',
    });
  });
});
