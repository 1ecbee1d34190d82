import { describe, expect, it } from 'vitest';
import {
  blockersMessage,
  closeBlockers,
  currentReview,
  effectiveDirection,
  oppositeDirections,
  oppositeReason,
  unseenReason,
  type ChallengeItem,
  type Review,
} from './challenges.js';

const item = (id: string, version: number | null = 1): ChallengeItem => ({
  kind: version === null ? 'unseen_case' : 'opposite_direction',
  id,
  reference: id.toUpperCase(),
  version,
  reason: '',
});
const review = (id: string, version: number | null, at: number): Review => ({
  kind: version === null ? 'unseen_case' : 'opposite_direction',
  id,
  evidenceVersion: version,
  outcome: 'challenges',
  note: 'looked',
  reviewedBy: 'lead',
  reviewedAt: new Date(at),
});

describe('challenging evidence', () => {
  it('points the other way from the hypothesis', () => {
    expect(oppositeDirections('strength')).toEqual(['area_for_improvement', 'mixed']);
    expect(oppositeDirections('area_for_improvement')).toEqual(['strength', 'mixed']);
  });

  it('takes the stated direction, else the majority of the supporting evidence', () => {
    expect(effectiveDirection('strength', ['area_for_improvement'])).toEqual({
      direction: 'strength',
      source: 'stated',
    });
    expect(
      effectiveDirection(null, ['area_for_improvement', 'area_for_improvement', 'strength']),
    ).toEqual({
      direction: 'area_for_improvement',
      source: 'inferred',
    });
    expect(effectiveDirection(null, ['strength', 'area_for_improvement', null])).toEqual({
      direction: null,
      source: null,
    });
  });

  it('counts a review only while the record is unchanged', () => {
    expect(currentReview(item('e1', 2), [review('e1', 1, 1)])).toBeNull();
    expect(
      currentReview(item('e1', 2), [review('e1', 1, 1), review('e1', 2, 2)])?.evidenceVersion,
    ).toBe(2);
    expect(currentReview(item('c9', null), [review('c9', null, 1)])).not.toBeNull();
  });

  it('lists what blocks closing, in words', () => {
    const items = [item('e1'), item('e2'), item('c9', null)];
    const blockers = closeBlockers(items, [review('e2', 1, 1)]);
    expect(blockers.map((b) => b.id)).toEqual(['e1', 'c9']);
    expect(blockersMessage(blockers)).toBe(
      'Look at the challenging evidence before closing: 2 items have not been reviewed (E1, C9).',
    );
    expect(oppositeReason('E2', ['Front door'], 'strength')).toBe(
      'E2 is coded to Front door and recorded as a strength',
    );
    expect(unseenReason('C9', ['help and protection'])).toBe(
      'Sampled case C9 has no help and protection evidence yet',
    );
  });
});
