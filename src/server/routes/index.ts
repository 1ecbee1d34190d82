// Every route module, registered in this order.
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app.js';
import { registerAuthRoutes } from './html/auth.js';
import { registerHomeRoutes } from './html/home.js';
import { registerNotificationRoutes } from './html/notifications.js';
import { registerActivityRoutes } from './html/activities.js';
import { registerActivityDateRoutes } from './html/activity-dates.js';
import { registerAdminUserRoutes } from './html/admin-users.js';
import { registerAuditRoutes } from './html/audit.js';
import { registerLaRoutes } from './html/las.js';
import { registerHistoryAnalysisRoutes } from './html/history-analysis.js';
import { registerReviewTableRoutes } from './html/review-tables.js';
import { registerRiskRoutes } from './html/risk.js';
import { registerResearchRoutes } from './html/research.js';
import { registerResearchOutcomeRoutes } from './html/research-outcomes.js';
import { registerResearchCodebookRoutes } from './html/research-codebook.js';
import { registerResearchCodingRoutes } from './html/research-coding.js';
import { registerResearchCorpusRoutes } from './html/research-corpus.js';
import { registerResearchApi } from './api/research.js';
import { registerCorpusRoutes } from './html/corpus.js';
import { registerCorpusApi } from './api/corpus.js';
import { registerResearchCodingApi } from './api/research-coding.js';
import { registerIntelligenceRoutes } from './html/intelligence.js';
import { registerIntelligenceFileRoutes } from './html/intelligence-files.js';
import { registerWeekZeroRoutes } from './html/week-zero.js';
import { registerSelfEvaluationRoutes } from './html/self-evaluation.js';
import { registerActionPlanRoutes } from './html/action-plans.js';
import { registerMonitoringRoutes } from './html/monitoring.js';
import { registerReformProgrammeRoutes } from './html/reform-programmes.js';
import { registerEngagementRoutes } from './html/engagement.js';
import { registerAnnexARoutes } from './html/annex-a.js';
import { registerEvidenceRoutes } from './html/evidence.js';
import { registerEvidenceCaptureRoutes } from './html/evidence-capture.js';
import { registerOfflineRoutes } from './html/offline.js';
import { registerOfflineApi } from './api/offline.js';
import { registerAnalysisRoutes } from './html/analysis.js';
import { registerAnalysisMatrixRoutes } from './html/analysis-matrix.js';
import { registerAnalysisWorkRoutes } from './html/analysis-work.js';
import { registerAnalysisEnquiryRoutes } from './html/analysis-enquiries.js';
import { registerRefiRoutes } from './html/refi.js';
import { registerActivityApi } from './api/activities.js';
import { registerAuditApi } from './api/audit.js';
import { registerFrameworkApi } from './api/frameworks.js';
import { registerLaApi } from './api/las.js';
import { registerAgreementApi } from './api/agreement.js';
import { registerCaseRatingApi } from './api/case-ratings.js';
import { registerDoubleCodingApi } from './api/double-coding.js';
import { registerStudyApi } from './api/studies.js';
import { registerCalibrationApi } from './api/calibration.js';
import { registerCodingAgreementApi } from './api/coding-agreement.js';
import { registerRiskApi } from './api/risk.js';
import { registerInspectorApi } from './api/inspectors.js';
import { registerInspectorRoutes } from './html/inspectors.js';
import { registerProgrammeApi } from './api/programme.js';
import { registerProgrammeRoutes } from './html/programme.js';
import { registerProgrammeRunRoutes } from './html/programme-runs.js';
import { registerIntelligenceFileApi } from './api/intelligence-files.js';
import { registerStatsApi } from './api/stats.js';
import { registerStatsRoutes } from './html/stats.js';
import { registerSelfEvaluationApi } from './api/self-evaluation.js';
import { registerActionPlanApi } from './api/action-plans.js';
import { registerLanguageApi } from './api/language.js';
import { registerEvidenceApi } from './api/evidence.js';
import { registerCodingApi } from './api/coding.js';
import { registerEvidenceBaseApi } from './api/evidence-base.js';
import { registerAnalysisApi } from './api/analysis.js';
import { registerSystemRoutes } from './api/system.js';
import { registerUserApi } from './api/users.js';
import { registerWorkApi } from './api/work.js';
import { registerAnnexAApi } from './api/annex-a.js';
import { registerRefiApi } from './api/refi.js';
import { registerWorkbenchRoutes } from './html/workbench.js';
import { registerAnnexAProfileApi } from './api/annex-a-profile.js';
import { registerAnnexAProfileRoutes } from './html/annex-a-profile.js';
import { registerSamplingApi } from './api/sampling.js';
import { registerSamplingRoutes } from './html/sampling.js';
import { registerSampleIdentifierRoutes } from './html/sample-identifiers.js';
import { registerJudgementApi } from './api/judgements.js';
import { registerJudgementRoutes } from './html/judgements.js';
import { registerCaseRatingRoutes } from './html/case-ratings.js';
import { registerDoubleCodingRoutes } from './html/double-coding.js';
import { registerDoubleCodingReviewRoutes } from './html/double-coding-review.js';
import { registerConsistencyRoutes } from './html/consistency.js';
import { registerConsistencyApi } from './api/consistency.js';
import { registerStudyRoutes } from './html/studies.js';
import { registerCalibrationRoutes } from './html/calibration.js';
import { registerCalibrationExerciseRoutes } from './html/calibration-exercise.js';
import { registerJudgementWorkflowRoutes } from './html/judgement-workflow.js';
import { registerReportApi } from './api/reports.js';
import { registerReportRoutes } from './html/reports.js';
import { registerReportReviewRoutes } from './html/report-review.js';
import { registerAttachmentRoutes } from './html/attachments.js';
import { registerAttachmentApi } from './api/attachments.js';
import { registerDataUsedApi } from './api/data-used.js';
import { registerDataUsedRoutes } from './html/data-used.js';
import { registerBurdenApi } from './api/burden.js';
import { registerFieldworkApi } from './api/fieldwork.js';
import { registerBurdenRoutes } from './html/burden.js';
import { registerFieldworkRoutes } from './html/fieldwork.js';
import { registerPracticeQaApi } from './api/practice-qa.js';
import { registerPracticeQaRoutes } from './html/practice-qa.js';

export type RouteModule = (app: FastifyInstance, ctx: ServerContext & { secret: string }) => void;

export const routeModules: RouteModule[] = [
  registerAnnexAApi,
  registerAnnexARoutes,
  registerSystemRoutes,
  registerActivityApi,
  registerUserApi,
  registerWorkApi,
  registerAuditApi,
  registerFrameworkApi,
  registerLaApi,
  registerRiskApi,
  registerInspectorApi,
  registerInspectorRoutes,
  registerProgrammeApi,
  registerProgrammeRoutes,
  registerProgrammeRunRoutes,
  registerIntelligenceFileApi,
  registerStatsApi,
  registerStatsRoutes,
  registerSelfEvaluationApi,
  registerActionPlanApi,
  registerLanguageApi,
  registerAgreementApi,
  registerCaseRatingApi,
  registerDoubleCodingApi,
  registerStudyApi,
  registerCalibrationApi,
  registerCodingAgreementApi,
  registerEvidenceApi,
  registerOfflineApi,
  registerCodingApi,
  registerEvidenceBaseApi,
  registerAnalysisApi,
  registerRefiApi,
  registerAttachmentApi,
  registerAuthRoutes,
  registerAttachmentRoutes,
  registerHomeRoutes,
  registerNotificationRoutes,
  registerActivityRoutes,
  registerActivityDateRoutes,
  registerAdminUserRoutes,
  registerAuditRoutes,
  registerLaRoutes,
  registerHistoryAnalysisRoutes,
  registerReviewTableRoutes,
  registerRiskRoutes,
  registerResearchRoutes,
  registerResearchOutcomeRoutes,
  registerResearchCodebookRoutes,
  registerResearchCodingRoutes,
  registerResearchCorpusRoutes,
  registerResearchApi,
  registerCorpusRoutes,
  registerCorpusApi,
  registerResearchCodingApi,
  registerIntelligenceRoutes,
  registerIntelligenceFileRoutes,
  registerWeekZeroRoutes,
  registerSelfEvaluationRoutes,
  registerActionPlanRoutes,
  registerMonitoringRoutes,
  registerReformProgrammeRoutes,
  registerEngagementRoutes,
  registerWorkbenchRoutes,
  registerEvidenceCaptureRoutes,
  registerOfflineRoutes,
  registerEvidenceRoutes,
  registerAnalysisRoutes,
  registerAnalysisMatrixRoutes,
  registerAnalysisWorkRoutes,
  registerAnalysisEnquiryRoutes,
  registerRefiRoutes,
  registerAnnexAProfileApi,
  registerAnnexAProfileRoutes,
  registerDataUsedApi,
  registerDataUsedRoutes,
  registerBurdenApi,
  registerFieldworkApi,
  registerBurdenRoutes,
  registerFieldworkRoutes,
  registerPracticeQaApi,
  registerPracticeQaRoutes,
  registerSamplingApi,
  registerSamplingRoutes,
  registerSampleIdentifierRoutes,
  registerJudgementApi,
  registerJudgementRoutes,
  registerJudgementWorkflowRoutes,
  registerCaseRatingRoutes,
  registerDoubleCodingRoutes,
  registerDoubleCodingReviewRoutes,
  registerConsistencyRoutes,
  registerConsistencyApi,
  registerStudyRoutes,
  registerCalibrationRoutes,
  registerCalibrationExerciseRoutes,
  registerReportApi,
  registerReportRoutes,
  registerReportReviewRoutes,
];
