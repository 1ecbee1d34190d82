import { describe, expect, it } from 'vitest';
import { inspector, instance, la } from '../../test/helpers/programme.js';
import { solveProgrammeHere } from './highs-solve.js';

describe('smoke', () => {
  it('solves a tiny region', async () => {
    const inst = instance(
      [
        la('a', 'good', '2024-03-04'),
        la('b', 'inadequate', '2025-06-02'),
        la('c', 'requires_improvement', '2024-09-09'),
      ],
      [
        inspector('i1'),
        inspector('i2', { leadQualified: false }),
        inspector('i3'),
        inspector('i4', { leadQualified: false }),
        inspector('i5'),
      ],
    );
    const events: unknown[] = [];
    const r = await solveProgrammeHere(inst, { timeLimit: 20 }, (e) => events.push(e));
    console.log(
      JSON.stringify(
        {
          ...r,
          plan: r.plan?.placements.map((p) => [
            p.laId,
            p.activityType,
            p.week,
            p.team.map((m) => m.inspectorId + (m.lead ? '*' : '')).join(' '),
          ]),
        },
        null,
        1,
      ),
    );
    console.log(events.map((e) => JSON.stringify(e)).join('\n'));
    expect(r.hardBreaches).toEqual([]);
  });
});
