// The one list of migrations, in file-name order (the order Kysely applies them in). A new
// migration gets a file name with a timestamp later than every other, a line here and a line in
// landed.sha256 (npm run migrations:manifest). A landed migration is never edited: databases have
// run it. test/unit/migrations.test.ts checks all three against the folder.
import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T0600_foundation.js';
import * as evidence from './2026-11-23T0720_evidence.js';
import * as evidenceAnalysis from './2026-11-23T0740_evidence_analysis.js';
import * as annexA from './2026-11-23T0750_annex_a.js';
import * as vignetteReportText from './2026-11-23T0800_vignette_report_text.js';
import * as evidenceRecency from './2026-11-23T0810_evidence_recency.js';
import * as workbench from './2026-11-23T0900_workbench.js';
import * as sampling from './2026-11-23T0910_sampling.js';
import * as annexAProfile from './2026-11-23T0920_annex_a_profile.js';
import * as judgements from './2026-11-23T0920_judgements.js';
import * as reports from './2026-11-23T0930_reports.js';
import * as codeCounts from './2026-11-23T1000_code_counts.js';
import * as loginThrottles from './2026-12-06T1630_login_throttles.js';
import * as refiOriginals from './2026-12-06T1700_refi_originals.js';
import * as journey from './2026-12-06T1710_journey.js';
import * as notifications from './2026-12-06T1940_notifications.js';
import * as jobs from './2026-12-06T2310_jobs.js';
import * as caseRatings from './2026-12-07T0010_case_ratings.js';
import * as attachments from './2026-12-07T0015_attachments.js';
import * as risk from './2026-12-07T0020_risk.js';
import * as selfEvaluation from './2026-12-07T0200_self_evaluation.js';
import * as nationalStatistics from './2026-12-07T0210_national_statistics.js';
import * as riskweek from './2026-12-07T0220_riskweek.js';
import * as reliabilityStudies from './2026-12-07T0230_reliability_studies.js';
import * as calibration from './2026-12-07T0240_calibration.js';
import * as consistencyPanels from './2026-12-07T0250_consistency_panels.js';
import * as research from './2026-12-07T0270_research.js';
import * as corpus from './2026-12-07T0640_corpus.js';
import * as researchDefinitions from './2026-12-07T0650_research_definitions.js';
import * as researchStudyCodings from './2026-12-07T0710_research_study_codings.js';
import * as codingsCodeEvidence from './2026-12-07T0720_codings_code_evidence.js';
import * as inspectorProfiles from './2026-12-07T1000_inspector_profiles.js';
import * as actionPlans from './2026-12-07T1200_action_plans.js';
import * as burdenAndDataUsed from './2026-12-07T1250_burden_and_data_used.js';
import * as studyCorpusCodings from './2026-12-07T1300_study_corpus_codings.js';
import * as researchCodeCounts from './2026-12-07T1400_research_code_counts.js';
import * as refiOriginalSets from './2026-12-07T1500_refi_original_sets.js';
import * as programmePlans from './2026-12-07T1610_programme_plans.js';
import * as fieldworkPlans from './2026-12-07T1620_fieldwork_plans.js';
import * as offlineSync from './2026-12-07T1630_offline_sync.js';
import * as practiceQa from './2026-12-07T1640_practice_qa.js';
import * as cheaperCodingWrites from './2026-12-07T1650_cheaper_coding_writes.js';
import * as fieldworkProgressIndexes from './2026-12-07T1760_fieldwork_progress_indexes.js';

export const migrations: Record<string, Migration> = {
  '2026-11-23T0600_foundation': foundation,
  '2026-11-23T0720_evidence': evidence,
  '2026-11-23T0740_evidence_analysis': evidenceAnalysis,
  '2026-11-23T0750_annex_a': annexA,
  '2026-11-23T0800_vignette_report_text': vignetteReportText,
  '2026-11-23T0810_evidence_recency': evidenceRecency,
  '2026-11-23T0900_workbench': workbench,
  '2026-11-23T0910_sampling': sampling,
  '2026-11-23T0920_annex_a_profile': annexAProfile,
  '2026-11-23T0920_judgements': judgements,
  '2026-11-23T0930_reports': reports,
  '2026-11-23T1000_code_counts': codeCounts,
  '2026-12-06T1630_login_throttles': loginThrottles,
  '2026-12-06T1700_refi_originals': refiOriginals,
  '2026-12-06T1710_journey': journey,
  '2026-12-06T1940_notifications': notifications,
  '2026-12-06T2310_jobs': jobs,
  '2026-12-07T0010_case_ratings': caseRatings,
  '2026-12-07T0015_attachments': attachments,
  '2026-12-07T0020_risk': risk,
  '2026-12-07T0200_self_evaluation': selfEvaluation,
  '2026-12-07T0210_national_statistics': nationalStatistics,
  '2026-12-07T0220_riskweek': riskweek,
  '2026-12-07T0230_reliability_studies': reliabilityStudies,
  '2026-12-07T0240_calibration': calibration,
  '2026-12-07T0250_consistency_panels': consistencyPanels,
  '2026-12-07T0270_research': research,
  '2026-12-07T0640_corpus': corpus,
  '2026-12-07T0650_research_definitions': researchDefinitions,
  '2026-12-07T0710_research_study_codings': researchStudyCodings,
  '2026-12-07T0720_codings_code_evidence': codingsCodeEvidence,
  '2026-12-07T1000_inspector_profiles': inspectorProfiles,
  '2026-12-07T1200_action_plans': actionPlans,
  '2026-12-07T1250_burden_and_data_used': burdenAndDataUsed,
  '2026-12-07T1300_study_corpus_codings': studyCorpusCodings,
  '2026-12-07T1400_research_code_counts': researchCodeCounts,
  '2026-12-07T1500_refi_original_sets': refiOriginalSets,
  '2026-12-07T1610_programme_plans': programmePlans,
  '2026-12-07T1620_fieldwork_plans': fieldworkPlans,
  '2026-12-07T1630_offline_sync': offlineSync,
  '2026-12-07T1640_practice_qa': practiceQa,
  '2026-12-07T1650_cheaper_coding_writes': cheaperCodingWrites,
  '2026-12-07T1760_fieldwork_progress_indexes': fieldworkProgressIndexes,
};
