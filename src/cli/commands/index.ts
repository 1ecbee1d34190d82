// Command groups contributed by each area (frameworks, history, LAs, demo...).
import { registerBurdenCommands } from './burden.js';
import { registerFieldworkCommands } from './fieldwork.js';
import { registerPracticeQaCommands } from './practice-qa.js';
import type { Command } from 'commander';
import { registerAgreementCommands } from './agreement.js';
import { registerAnnexACommands } from './annex-a.js';
import { registerCaseRatingCommands } from './case-ratings.js';
import { registerDoubleCodingCommands } from './double-coding.js';
import { registerStudyCommands } from './study.js';
import { registerCalibrationCommands } from './calibration.js';
import { registerAnnexAProfileCommands } from './annex-a-profile.js';
import { registerDemoCommands } from './demo.js';
import { registerEvidenceCommands } from './evidence.js';
import { registerAnalysisCommands } from './analysis.js';
import { registerFrameworkCommands } from './framework.js';
import { registerHistoryCommands } from './history.js';
import { registerTableCommands } from './tables.js';
import { registerLaCommands } from './las.js';
import { registerLintReportCommands } from './lint-report.js';
import { registerRefiCommands } from './refi.js';
import { registerSampleCommands } from './sample.js';
import { registerJudgementCommands } from './judgements.js';
import { registerReportCommands } from './report.js';
import { registerActivityCommands } from './activities.js';
import { registerActivityPlanCommands } from './activity-plans.js';
import { registerPlanCommands } from './plan.js';
import { registerAttachmentCommands } from './attachments.js';
import { registerWorkCommands } from './work.js';
import { registerRiskCommands } from './risk.js';
import { registerInspectorCommands } from './inspectors.js';
import { registerIntelFileCommands } from './intel-files.js';
import { registerStatsCommands } from './stats.js';
import { registerConsistencyPanelCommands } from './consistency-panel.js';
import { registerResearchCommands } from './research.js';
import { registerCorpusCommands } from './corpus.js';
import { registerSelfEvaluationCommands } from './self-evaluation.js';
import { registerActionPlanCommands } from './action-plans.js';

export const commandModules: Array<(program: Command) => void> = [
  registerDemoCommands,
  registerFieldworkCommands,
  registerAnnexACommands,
  registerFrameworkCommands,
  registerLaCommands,
  registerHistoryCommands,
  registerTableCommands,
  registerEvidenceCommands,
  registerAnalysisCommands,
  registerLintReportCommands,
  registerRefiCommands,
  // After registerAnnexACommands: adds its commands to the `annex-a` group.
  registerAnnexAProfileCommands,
  registerSampleCommands,
  registerJudgementCommands,
  registerReportCommands,
  registerActivityCommands,
  // After registerActivityCommands: adds create, check and move to the `activities` group.
  registerActivityPlanCommands,
  registerPlanCommands,
  // After registerEvidenceCommands: adds `attach` to the `evidence` group.
  registerAttachmentCommands,
  registerWorkCommands,
  registerAgreementCommands,
  registerCaseRatingCommands,
  registerDoubleCodingCommands,
  registerStudyCommands,
  registerCalibrationCommands,
  registerRiskCommands,
  registerInspectorCommands,
  registerIntelFileCommands,
  registerStatsCommands,
  registerConsistencyPanelCommands,
  registerResearchCommands,
  registerCorpusCommands,
  registerSelfEvaluationCommands,
  registerBurdenCommands,
  registerPracticeQaCommands,
  registerActionPlanCommands,
];
