// Each area's routes for the access matrix, one file per area; the matrix walks them all.
import type { Entry } from '../../helpers/access-matrix.js';
import { burdenEntries } from './burden.js';
import { fieldworkEntries } from './fieldwork.js';
import { actionPlanEntries } from './action-plans.js';
import { calibrationEntries } from './calibration.js';
import { consistencyEntries } from './consistency.js';
import { doubleCodingEntries } from './double-coding.js';
import { intelFileEntries } from './intelfiles.js';
import { inspectorEntries } from './inspectors.js';
import { programmeApiEntries } from './programme-api.js';
import { programmePageEntries } from './programme-pages.js';
import { corpusEntries } from './corpus.js';
import { researchEntries } from './research.js';
import { researchOutcomeEntries } from './research-outcomes.js';
import { practiceQaEntries } from './practice-qa.js';
import { riskEntries } from './risk.js';
import { riskweekEntries } from './riskweek.js';
import { schedulingEntries } from './scheduling.js';
import { selfEvaluationEntries } from './selfeval.js';
import { statsEntries } from './stats.js';
import { studyEntries } from './study.js';
import { tableEntries } from './tables.js';
import { offlineEntries } from './offline.js';

export const areaEntries: Entry[] = [
  ...burdenEntries,
  ...fieldworkEntries,
  ...actionPlanEntries,
  ...calibrationEntries,
  ...consistencyEntries,
  ...doubleCodingEntries,
  ...intelFileEntries,
  ...inspectorEntries,
  ...programmePageEntries,
  ...programmeApiEntries,
  ...corpusEntries,
  ...researchEntries,
  ...researchOutcomeEntries,
  ...practiceQaEntries,
  ...riskEntries,
  ...riskweekEntries,
  ...schedulingEntries,
  ...selfEvaluationEntries,
  ...statsEntries,
  ...studyEntries,
  ...tableEntries,
  ...offlineEntries,
];
export { prepareIntelligenceFiles } from './intelfiles.js';
export { prepareActionPlans } from './action-plans.js';
