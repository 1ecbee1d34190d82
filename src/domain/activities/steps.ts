// One state for one inspection. The activity's lifecycle after fieldwork is not chosen by hand:
// each step is taken by the work that makes it (the QAM approving the judgements, the QAM
// signing off the draft, the lead releasing and publishing). The activity page offers only the
// moves a person makes directly, so nothing it offers is refused for being the wrong step. Date
// checks compare a move or a meeting with the activity's own dates and today.
import type { ActivityState } from './lifecycle.js';
import { formatIsoDate } from '../reports/text.js';
import { allowedNextStates, stateLabels } from './lifecycle.js';

export interface StepFacts {
  pausedFrom: ActivityState | null;
  hasWrittenOutput: boolean;
  /** The activity type grades judgements (the QAM's approval moves it to drafting). */
  hasJudgements: boolean;
  /** Those judgements are approved as final. */
  judgementsFinal: boolean;
}

/**
 * The step that makes a move which is never chosen by hand, or null for a move people choose
 * (notifying, going on site, finishing fieldwork, side states, going back with a reason).
 */
export function drivenBy(from: ActivityState, to: ActivityState, f: StepFacts): string | null {
  if (from === 'analysis' && to === 'drafting' && f.hasJudgements && !f.judgementsFinal)
    return 'the quality assurance manager approving the judgements as final';
  if (from === 'drafting' && to === 'quality_assurance')
    return 'the quality assurance manager signing off the draft';
  if (from === 'quality_assurance' && to === 'factual_accuracy')
    return 'the lead inspector releasing the signed-off draft to the LA';
  if (from === 'quality_assurance' && to === 'published' && f.hasWrittenOutput)
    return 'the lead inspector publishing the signed-off report';
  if (from === 'factual_accuracy' && to === 'quality_assurance')
    return 'the quality assurance manager signing off the text after the factual accuracy check';
  return null;
}

/** The moves a person may choose on the activity page. */
export function manualNextStates(from: ActivityState, f: StepFacts): ActivityState[] {
  return allowedNextStates(from, f).filter((to) => drivenBy(from, to, f) === null);
}

/** Why a hand-chosen move is not one a person makes, or null. */
export function manualMoveProblem(
  from: ActivityState,
  to: ActivityState,
  f: StepFacts,
): string | null {
  const by = drivenBy(from, to, f);
  return by
    ? `The activity moves from ${stateLabels[from].toLowerCase()} to ${stateLabels[to].toLowerCase()} by ${by}, not by hand.`
    : null;
}

/**
 * The path an activity takes when its judgements are approved as final: from fieldwork or
 * analysis on to drafting. Other states (paused, already drafting) are left as they are.
 */
export function pathOnJudgementsFinal(from: ActivityState): ActivityState[] {
  // Judgements approved as final mean the fieldwork happened, whatever was recorded.
  if (from === 'notified') return ['on_site', 'analysis', 'drafting'];
  if (from === 'on_site') return ['analysis', 'drafting'];
  if (from === 'analysis') return ['drafting'];
  return [];
}

/**
 * Going on site before the planned start needs a written reason (an inspection brought
 * forward); null when the move is in time or is not going on site.
 */
export function onSiteEarlyProblem(
  to: ActivityState,
  plannedStart: string | null,
  today: string,
  reason: string | null | undefined,
): string | null {
  if (to !== 'on_site' || !plannedStart || today >= plannedStart) return null;
  if (reason?.trim()) return null;
  return `The planned start is ${formatIsoDate(plannedStart)}: give a reason for going on site before it, or wait until then.`;
}

/** A feedback meeting's date must not be in the future or before the activity began. */
export function feedbackDateProblem(
  heldOn: string,
  today: string,
  earliest: string | null,
): string | null {
  if (heldOn > today) return 'The meeting date must be today or in the past';
  if (earliest && heldOn < earliest)
    return `The meeting date must be on or after ${formatIsoDate(earliest)}, when the activity began`;
  return null;
}
