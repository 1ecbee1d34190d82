import { describe, expect, it } from 'vitest';
import { distributionPosition } from './distribution.js';
import { inPanel, panelTitle, periodOf, periodText, viewsSummary } from './panels.js';

const SCALE = [
  { key: 'outstanding', label: 'Outstanding' },
  { key: 'good', label: 'Good' },
  { key: 'requires_improvement', label: 'Requires improvement to be good' },
  { key: 'inadequate', label: 'Inadequate' },
];

describe('consistency panel periods and scope', () => {
  it('a week runs Monday to Sunday; a month is the calendar month', () => {
    expect(periodOf('week', '2026-12-03')).toEqual({
      kind: 'week',
      start: '2026-11-30',
      end: '2026-12-06',
    });
    expect(periodOf('month', '2024-02-14')).toEqual({
      kind: 'month',
      start: '2024-02-01',
      end: '2024-02-29',
    });
    expect(periodOf('month', '2026-12-31').end).toBe('2026-12-31');
    expect(periodText(periodOf('month', '2026-11-05'))).toBe('November 2026');
    expect(panelTitle('North West', periodOf('week', '2026-12-03'))).toBe(
      'North West: week of 30 November 2026',
    );
    expect(panelTitle(null, periodOf('month', '2026-11-05'))).toBe('National: November 2026');
  });

  it('gathers provisional judgements whose fieldwork overlaps the period, in scope', () => {
    const panel = { region: 'North West', periodStart: '2026-11-30', periodEnd: '2026-12-06' };
    const a = { laRegion: 'North West', plannedStart: '2026-11-20', plannedEnd: '2026-12-01' };
    expect(inPanel(panel, a, 'team_provisional')).toBe(true);
    expect(inPanel(panel, a, 'quality_assurance')).toBe(true);
    expect(inPanel(panel, a, 'final')).toBe(false);
    expect(inPanel(panel, { ...a, laRegion: 'London' }, 'team_provisional')).toBe(false);
    expect(
      inPanel({ ...panel, region: null }, { ...a, laRegion: 'London' }, 'team_provisional'),
    ).toBe(true);
    expect(inPanel(panel, { ...a, plannedEnd: '2026-11-29' }, 'team_provisional')).toBe(false);
    expect(inPanel(panel, { ...a, plannedStart: null }, 'team_provisional')).toBe(false);
  });

  it('sums the members’ views', () => {
    expect(viewsSummary([])).toBe('No views yet');
    expect(
      viewsSummary([{ outcome: 'consistent' }, { outcome: 'query' }, { outcome: 'query' }]),
    ).toBe('1 consistent, 2 queries');
  });
});

describe('the national distribution', () => {
  it('says where a grade sits among the latest published grades', () => {
    const published = [
      ...Array<string>(10).fill('outstanding'),
      ...Array<string>(60).fill('good'),
      ...Array<string>(50).fill('requires_improvement'),
      ...Array<string>(30).fill('inadequate'),
    ];
    const p = distributionPosition(SCALE, published, 'good');
    expect(p).toMatchObject({ total: 150, same: 60, better: 10, worse: 80 });
    expect(p.sentence).toBe(
      'Good: 60 of 150 authorities (40%) were last judged good; 10 better, 80 worse',
    );
    expect(distributionPosition(SCALE, [], 'good').sentence).toBe(
      'No published grades for this judgement to compare with',
    );
    expect(distributionPosition(SCALE, ['good', 'inadequate'], null).sentence).toBe(
      'Not graded yet; nationally: 1 good, 1 inadequate',
    );
  });
});
