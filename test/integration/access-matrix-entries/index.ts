// Each area's routes for the access matrix, one file per area; the matrix walks them all.
import type { Entry } from '../../helpers/access-matrix.js';
import { riskEntries } from './risk.js';
import { tableEntries } from './tables.js';

export const areaEntries: Entry[] = [...riskEntries, ...tableEntries];
