// The window a load view shows: from a day (default today, in England) for a number of weeks.
import { z } from 'zod';
import { mondayOf, todayInEngland } from '../../clock.js';
import { IsoDate } from './inspector-scope.js';

export const WindowInput = {
  from: IsoDate.optional(),
  weeks: z.coerce
    .number({ error: 'Enter the number of weeks' })
    .int()
    .min(1, 'Show at least one week')
    .max(52, 'Show at most 52 weeks')
    .default(12),
};

/** The Monday the window starts on. */
export const windowStart = (from: string | undefined) => mondayOf(from ?? todayInEngland());
