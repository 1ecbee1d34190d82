// The factual accuracy window: the LA has a number of working days (default 5, bank holidays in
// England and Wales excluded) from the day the draft is released, to the end of the last day.
import { dateInEngland } from '../../clock.js';
import { addWorkingDays } from '../calendar/working-days.js';

export const DEFAULT_WINDOW_DAYS = 5;
export const MAX_WINDOW_DAYS = 30;

/** The last day on which the LA may comment (release day itself not counted). */
export function factualAccuracyDeadline(releasedOn: string, workingDays: number): string {
  return addWorkingDays(releasedOn, workingDays);
}

export function windowOpen(deadline: string, now: Date): boolean {
  // The window closes at midnight, UK time.
  return dateInEngland(now) <= deadline;
}
