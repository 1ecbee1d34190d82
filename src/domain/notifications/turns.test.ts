import { describe, expect, it } from 'vitest';
import { nextAttemptAt, RETRY_MINUTES, turnEmail, turnKinds, turnLink, turnText } from './turns.js';

describe('turn notifications', () => {
  it('link to the page where the turn is taken', () => {
    expect(turnLink('judgements_at_qa', 'a1')).toBe('/activities/a1/judgements/qa');
    expect(turnLink('activity_notified', 'a1')).toBe('/activities/a1');
  });

  it('name the activity in the app, never in an e-mail', () => {
    expect(turnText('panel_comment', 'Wigan ILACS')).toContain('Wigan ILACS');
    for (const kind of Object.keys(turnKinds) as (keyof typeof turnKinds)[]) {
      const mail = turnEmail(kind, 'https://t.example/activities/a1/report');
      expect(mail.body).toContain('https://t.example/activities/a1/report');
      expect(mail.body).not.toMatch(/Wigan|child|grade (good|outstanding)/i);
    }
  });

  it('retry with growing delays, then give up', () => {
    const t0 = new Date('2026-11-25T10:00:00Z');
    expect(nextAttemptAt(1, t0)?.toISOString()).toBe('2026-11-25T10:01:00.000Z');
    expect(nextAttemptAt(RETRY_MINUTES.length, t0)).not.toBeNull();
    expect(nextAttemptAt(RETRY_MINUTES.length + 1, t0)).toBeNull();
  });
});
