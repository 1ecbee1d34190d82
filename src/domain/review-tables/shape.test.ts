import { describe, expect, it } from 'vitest';
import { frameworkRegistry } from '../frameworks/installed.js';
import { shapeEngagement, type StoredEngagement } from './shape.js';

const stored = (more: Partial<StoredEngagement>): StoredEngagement => ({
  laId: 'a',
  laRegion: null,
  activityType: 'focused_visit',
  frameworkId: null,
  startDate: '2024-06-04',
  endDate: '2024-06-05',
  theme: null,
  state: null,
  notifiedAt: null,
  inspectors: 0,
  ...more,
});

describe('shaping stored events from the framework files', () => {
  const registry = frameworkRegistry();
  it('takes days on site and team size from the framework in force', () => {
    expect(shapeEngagement(stored({}), registry)).toMatchObject({
      framework: 'ILACS',
      onSite: true,
      defaultDays: 2,
      teamSize: 2,
    });
    const sif = shapeEngagement(
      stored({ activityType: 'sif_inspection', startDate: '2016-10-03', endDate: null }),
      registry,
    );
    expect(sif).toMatchObject({ framework: 'SIF', defaultDays: 20, teamSize: 7 });
    // An inspection whose type the source did not record is shaped as a standard one.
    expect(
      shapeEngagement(
        stored({ activityType: 'judgement_inspection', startDate: '2019-01-07' }),
        registry,
      ),
    ).toMatchObject({ framework: 'ILACS', defaultDays: 10, teamSize: 4 });
  });

  it('prefers the activity’s own team; meetings are not on site; JTAIs have no team size', () => {
    expect(shapeEngagement(stored({ inspectors: 3 }), registry).teamSize).toBe(3);
    expect(
      shapeEngagement(stored({ activityType: 'annual_engagement_meeting' }), registry).onSite,
    ).toBe(false);
    expect(shapeEngagement(stored({ activityType: 'jtai' }), registry)).toMatchObject({
      onSite: true,
      teamSize: null,
    });
  });

  it('matches themes to the framework’s keys through their labels and aliases', () => {
    const t = (theme: string) => shapeEngagement(stored({ theme }), registry);
    expect(t('Children in need/subject to a plan')).toMatchObject({
      theme: 'children_in_need_or_cp_plan',
    });
    expect(t('Vulnerable adolescents').theme).toBe('extra_familial_risk');
    expect(t('front_door')).toMatchObject({ theme: 'front_door', themeLabel: 'Front door' });
    expect(t('Something new')).toMatchObject({
      theme: 'Something new',
      themeLabel: 'Something new',
    });
  });
});
