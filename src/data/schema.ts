// Kysely table types. They mirror the migrations; rows never leave src/data unshaped.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AnnexATables } from './schema/annex-a.js';
import type { AnnexAProfileTables } from './schema/annex-a-profile.js';
import type { EvidenceTables } from './schema/evidence.js';
import type { AnalysisTables } from './schema/analysis.js';
import type { SamplingTables } from './schema/sampling.js';
import type { JudgementTables } from './schema/judgements.js';
import type { ReportTables } from './schema/reports.js';
import type { RefiTables } from './schema/refi.js';
import type { NotificationTables } from './schema/notifications.js';
import type { AttachmentTables } from './schema/attachments.js';
import type { JobTables } from './schema/jobs.js';
import type { RiskTables } from './schema/risk.js';
import type { NationalStatsTables } from './schema/national-stats.js';
import type { ConsistencyTables } from './schema/consistency.js';
import type { ReliabilityTables } from './schema/reliability.js';
import type { CalibrationTables } from './schema/calibration.js';
import type { ResearchTables } from './schema/research.js';
import type { CorpusTables } from './schema/corpus.js';
import type { SelfEvaluationTables } from './schema/self-evaluation.js';
import type { BurdenTables } from './schema/burden.js';
import type { InspectorTables } from './schema/inspectors.js';
import type { ActionPlanTables } from './schema/action-plans.js';
import type { ProgrammeTables } from './schema/programme.js';
import type { OfflineTables } from './schema/offline.js';
import type { FieldworkTables } from './schema/fieldwork.js';
import type { PracticeQaTables } from './schema/practice-qa.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns are read as 'YYYY-MM-DD' strings on both engines. */
type DateOnly = string;

export interface LocalAuthorityTable {
  id: string;
  name: string;
  gss_code: string;
  previous_gss_codes: ColumnType<string[], string[] | undefined, string[]>;
  dfe_code: string | null;
  ofsted_urn: string | null;
  ofsted_region: string | null;
  ons_region_code: string | null;
  ons_region: string | null;
  la_type: string | null;
  valid_from: DateOnly | null;
  valid_to: DateOnly | null;
  population_0_17: number | null;
  stat_neighbours: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
}

export interface LaSuccessionTable {
  predecessor_id: string;
  successor_id: string;
  effective_date: DateOnly;
}

export interface InspectionHistoryTable {
  id: Generated<string>;
  la_id: string;
  activity_type: string;
  framework_id: string | null;
  start_date: DateOnly;
  end_date: DateOnly | null;
  publication_date: DateOnly | null;
  theme: string | null;
  grades: JSONColumnType<Record<string, string>>;
  source: string;
  source_key: string;
  imported_at: Timestamp;
}

export type Role = 'admin' | 'national' | 'regional' | 'inspector' | 'la_user' | 'researcher';

export interface UserTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  role: Role;
  region: string | null;
  la_id: string | null;
  must_change_password: Generated<boolean>;
  disabled_at: Date | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface SessionTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: CreatedAt;
  expires_at: Date;
  last_seen_at: Timestamp;
}

export interface LoginAttemptTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: boolean;
  attempted_at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: Timestamp | null;
  next_allowed_at: Timestamp;
}

export interface ActivityTable {
  id: Generated<string>;
  la_id: string;
  activity_type: string;
  framework_id: string;
  state: string;
  paused_from: string | null;
  title: string;
  theme: string | null;
  sequence_number: number | null;
  partner_inspectorates: ColumnType<string[], string[] | undefined, string[]>;
  planned_start: DateOnly | null;
  planned_end: DateOnly | null;
  notified_at: Date | null;
  released_parts: ColumnType<string[], string[] | undefined, string[]>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActivityStateChangeTable {
  id: Generated<number>;
  activity_id: string;
  from_state: string | null;
  to_state: string;
  reason: string | null;
  changed_by: string | null;
  changed_at: Timestamp;
}

export interface TeamMemberTable {
  activity_id: string;
  user_id: string;
  team_role: string;
  added_at: Timestamp;
}

export interface AuditEventTable {
  seq: Generated<number>;
  id: string;
  occurred_at: ColumnType<Date, string, never>;
  actor_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string;
  activity_id: string | null;
  la_id: string | null;
  before: JSONColumnType<Record<string, unknown> | null, string | null, never>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, never>;
  reason: string | null;
  prev_hash: string;
  hash: string;
}

export interface AppMetaTable {
  key: string;
  value: JSONColumnType<Record<string, unknown>>;
  updated_at: Timestamp;
}

/** Tables of the foundation migration. */
export interface FoundationTables {
  local_authorities: LocalAuthorityTable;
  la_successions: LaSuccessionTable;
  inspection_history: InspectionHistoryTable;
  users: UserTable;
  sessions: SessionTable;
  login_attempts: LoginAttemptTable;
  login_throttles: LoginThrottleTable;
  activities: ActivityTable;
  activity_state_changes: ActivityStateChangeTable;
  team_members: TeamMemberTable;
  audit_events: AuditEventTable;
  app_meta: AppMetaTable;
}

/**
 * The whole database. Each area declares its tables in src/data/schema/<area>.ts and adds its
 * interface here, so areas never edit each other's table types.
 */
export interface DB
  extends
    FoundationTables,
    EvidenceTables,
    AnalysisTables,
    AnnexATables,
    AnnexAProfileTables,
    SamplingTables,
    JudgementTables,
    ReportTables,
    RefiTables,
    NotificationTables,
    AttachmentTables,
    JobTables,
    RiskTables,
    NationalStatsTables,
    ConsistencyTables,
    ReliabilityTables,
    CalibrationTables,
    ResearchTables,
    CorpusTables,
    SelfEvaluationTables,
    BurdenTables,
    InspectorTables,
    ActionPlanTables,
    ProgrammeTables,
    OfflineTables,
    FieldworkTables,
    PracticeQaTables {}
