import { describe, expect, it } from 'vitest';
import {
  drivenBy,
  feedbackDateProblem,
  manualMoveProblem,
  manualNextStates,
  onSiteEarlyProblem,
  pathOnJudgementsFinal,
} from './steps.js';

const inspection = {
  pausedFrom: null,
  hasWrittenOutput: true,
  hasJudgements: true,
  judgementsFinal: false,
};

describe('one state for one inspection', () => {
  it('never offers by hand the steps the work takes', () => {
    expect(manualNextStates('drafting', inspection)).not.toContain('quality_assurance');
    expect(manualNextStates('analysis', inspection)).not.toContain('drafting');
    expect(manualNextStates('quality_assurance', inspection)).toEqual(['drafting']);
    expect(manualNextStates('factual_accuracy', inspection)).toEqual([]);
    expect(manualMoveProblem('drafting', 'quality_assurance', inspection)).toContain(
      'signing off the draft',
    );
    expect(drivenBy('on_site', 'analysis', inspection)).toBeNull();
  });

  it('lets drafting start by hand once the judgements are final, or where nothing is graded', () => {
    expect(manualNextStates('analysis', { ...inspection, judgementsFinal: true })).toContain(
      'drafting',
    );
    expect(manualNextStates('analysis', { ...inspection, hasJudgements: false })).toContain(
      'drafting',
    );
  });

  it('moves the activity on to drafting when the judgements are approved', () => {
    expect(pathOnJudgementsFinal('on_site')).toEqual(['analysis', 'drafting']);
    expect(pathOnJudgementsFinal('analysis')).toEqual(['drafting']);
    expect(pathOnJudgementsFinal('paused')).toEqual([]);
  });

  it('asks for a reason to go on site before the planned start', () => {
    expect(onSiteEarlyProblem('on_site', '2026-04-13', '2026-03-13', null)).toContain(
      '13 April 2026',
    );
    expect(onSiteEarlyProblem('on_site', '2026-04-13', '2026-03-13', 'Brought forward')).toBeNull();
    expect(onSiteEarlyProblem('on_site', '2026-04-13', '2026-04-13', null)).toBeNull();
    expect(onSiteEarlyProblem('notified', '2026-04-13', '2026-03-13', null)).toBeNull();
  });

  it('refuses feedback meetings in the future or before the activity began', () => {
    expect(feedbackDateProblem('2026-04-14', '2026-04-13', '2026-04-06')).toContain('past');
    expect(feedbackDateProblem('2026-04-01', '2026-04-13', '2026-04-06')).toContain('6 April 2026');
    expect(feedbackDateProblem('2026-04-13', '2026-04-13', '2026-04-06')).toBeNull();
  });
});
