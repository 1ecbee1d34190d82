import { describe, expect, it } from 'vitest';
import { allowedNextStates, checkTransition } from './lifecycle.js';

const report = { pausedFrom: null, hasWrittenOutput: true };

describe('activity lifecycle', () => {
  it('follows the inspection path forwards', () => {
    expect(checkTransition('planned', 'notified', report).allowed).toBe(true);
    expect(checkTransition('notified', 'on_site', report).allowed).toBe(true);
    expect(checkTransition('quality_assurance', 'published', report).allowed).toBe(true);
  });

  it('refuses skipping ahead and leaving terminal states', () => {
    expect(checkTransition('planned', 'on_site', report).allowed).toBe(false);
    expect(checkTransition('published', 'drafting', { ...report, reason: 'x' }).allowed).toBe(
      false,
    );
    expect(checkTransition('cancelled', 'planned', { ...report, reason: 'x' }).allowed).toBe(false);
  });

  it('needs a reason for side states and backward moves', () => {
    const noReason = checkTransition('planned', 'deferred', report);
    expect(noReason.allowed).toBe(false);
    expect(noReason.problem).toMatch(/reason/);
    expect(
      checkTransition('planned', 'deferred', { ...report, reason: 'Bank holiday week' }).allowed,
    ).toBe(true);
    expect(checkTransition('quality_assurance', 'drafting', report).allowed).toBe(false);
    expect(
      checkTransition('quality_assurance', 'drafting', { ...report, reason: 'QA challenge' })
        .allowed,
    ).toBe(true);
  });

  it('resumes a paused activity where it was paused', () => {
    expect(
      allowedNextStates('paused', { pausedFrom: 'on_site', hasWrittenOutput: true }),
    ).toContain('on_site');
  });

  it('lets meetings be recorded straight after they are held', () => {
    expect(allowedNextStates('on_site', { pausedFrom: null, hasWrittenOutput: false })).toContain(
      'published',
    );
    expect(allowedNextStates('on_site', report)).not.toContain('published');
  });
});
