// Authorization rules, all in one place. Every read and write in HTML, JSON and CLI paths asks
// here. A rule gets the actor and the facts about the thing (never a database handle).
import type { JudgementStage } from '../judgements/stages.js';
import type { Actor } from './actor.js';
import type { Role, TeamRole } from './roles.js';

/** How someone takes part in an activity's judgements (policies.judgementActor decides). */
export type JudgementActor = 'lead' | 'inspector' | 'qam' | 'panel' | 'admin' | 'other';

/** Team roles that inspect (and so record provisional views and grade). */
const INSPECTING_ROLES = new Set<TeamRole>([
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
]);

export interface ActivityFacts {
  laId: string;
  laRegion: string | null;
  state: string;
  notifiedAt: Date | null;
  /** The actor's role on this activity's team, if any. */
  teamRole: TeamRole | null;
  /**
   * The actor sits on the activity's consistency panel (not on its team): they see the activity
   * and its judgements, never its evidence base. Unset where the caller did not look.
   */
  panelMember?: boolean;
}

export interface LaFacts {
  id: string;
  region: string | null;
}

/** States whose existence may be shown to researchers (published work only). */
const PUBLISHED_STATES = new Set(['published']);

/** States in which an activity's evidence base is read-only. */
export const EVIDENCE_CLOSED_STATES = new Set(['published', 'cancelled']);

/**
 * Who may move judgements on from a stage: the lead drives the team stages, the QAM decides QA.
 * (Whether the move itself may happen is domain/judgements/stages.ts#moveProblems.)
 */
function mayMoveFrom(stage: JudgementStage, who: JudgementActor): boolean {
  if (who === 'admin') return true;
  if (stage === 'team_provisional' || stage === 'consistency_panel') return who === 'lead';
  if (stage === 'quality_assurance') return who === 'qam';
  return false;
}

/** Who may change grades, positions and narratives in a stage. Panel members only comment. */
function mayEditIn(stage: JudgementStage, who: JudgementActor): boolean {
  if (who === 'admin') return stage !== 'final';
  if (stage === 'team_provisional') return who === 'lead' || who === 'inspector';
  // In the panel stage the lead answers challenges, changing a judgement if persuaded.
  if (stage === 'consistency_panel') return who === 'lead';
  if (stage === 'quality_assurance') return who === 'qam';
  return false;
}

export const policies = {
  /** The LA register and each LA's published history are public information. */
  viewLaRegister: (actor: Actor): boolean => actor.kind === 'system' || actor.role !== undefined,

  viewLa: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'system' || actor.role !== 'la_user' || actor.laId === la.id,

  /**
   * The national analysis of the published history (grade distributions, transitions, intervals):
   * aggregate public information, for the national team, admins and researchers.
   */
  analyseHistory: (actor: Actor): boolean =>
    actor.kind === 'system' ||
    actor.role === 'admin' ||
    actor.role === 'national' ||
    actor.role === 'researcher',

  /**
   * The 2019 review's tables (issue 14): aggregate figures for national and regional staff,
   * admins and researchers. From Triangulate's activities each engagement is counted only where
   * viewActivity allows it (regional staff their region's, researchers published work only).
   */
  viewReviewTables: (actor: Actor): boolean =>
    actor.kind === 'system' ||
    actor.role === 'admin' ||
    actor.role === 'national' ||
    actor.role === 'regional' ||
    actor.role === 'researcher',

  importHistory: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  viewActivity: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    switch (actor.role) {
      case 'admin':
      case 'national':
        return true;
      case 'regional':
        return a.laRegion !== null && a.laRegion === actor.region;
      case 'inspector':
        return a.teamRole !== null || a.panelMember === true;
      case 'la_user':
        // Inspections are unannounced: an LA sees an activity only once it has been notified.
        return a.laId === actor.laId && a.notifiedAt !== null;
      case 'researcher':
        return PUBLISHED_STATES.has(a.state);
    }
  },

  /** Create activities and schedule them: regional staff for their region, admins. */
  createActivity: (actor: Actor, la: LaFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin') return true;
    return actor.role === 'regional' && la.region !== null && la.region === actor.region;
  },

  /** Move a planned activity's dates: whoever may schedule activities for its authority. */
  rescheduleActivity: (actor: Actor, a: ActivityFacts): boolean =>
    policies.createActivity(actor, { id: a.laId, region: a.laRegion }),

  /**
   * An activity from the list of the actor's activities (data/repositories/activities.ts
   * #listVisibleActivities): the list selects an inspector's activities by team membership, so
   * any listed activity is on their team. The list and this rule must agree.
   */
  viewListedActivity: (actor: Actor, a: Omit<ActivityFacts, 'teamRole'>): boolean =>
    policies.viewActivity(actor, {
      ...a,
      teamRole: actor.kind === 'user' && actor.role === 'inspector' ? 'team_inspector' : null,
    }),

  /** The activity's lifecycle history (who moved it when): everyone who sees it but LA users. */
  viewActivityHistory: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role !== 'la_user',

  /** Who may be put on an activity's team: inspectors (team roles say what they do there). */
  joinActivityTeam: (user: { role: Role }): boolean => user.role === 'inspector',

  /** Move an activity through its lifecycle and manage its team. */
  manageActivity: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin') return true;
    if (actor.role === 'regional') return a.laRegion !== null && a.laRegion === actor.region;
    return actor.role === 'inspector' && a.teamRole === 'lead_inspector';
  },

  /** Whether the actor may see a named part of the activity (drafts, evidence...). */
  viewActivityPart: (
    actor: Actor,
    a: ActivityFacts & { releasedParts: string[] },
    part: string,
  ): boolean => {
    if (!policies.viewActivity(actor, a)) return false;
    if (actor.kind === 'system') return true;
    if (actor.role === 'la_user') return a.releasedParts.includes(part);
    if (actor.role === 'researcher') return false;
    return true;
  },

  /**
   * Read an activity's evidence base (evidence, codes, codings, cases, memos, lines of enquiry):
   * its team (shadows included), admins and the national team. Never LA users or researchers;
   * regional staff only through a team role.
   */
  viewEvidence: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'inspector' && a.teamRole !== null;
  },

  /**
   * Search evidence across activities: admins and the national team everywhere, inspectors in
   * the activities whose team they are on (the caller narrows the scope). Never LA users or
   * researchers.
   */
  searchEvidenceAcrossActivities: (actor: Actor): boolean =>
    actor.kind === 'system' ||
    actor.role === 'admin' ||
    actor.role === 'national' ||
    actor.role === 'inspector',

  /** A search across activities reaches only the actor's own teams' activities: inspectors. */
  searchOwnTeamsOnly: (actor: Actor): boolean =>
    actor.kind === 'user' && actor.role === 'inspector',

  /** Record, edit and code evidence: the team except people shadowing, while the work is open. */
  writeEvidence: (actor: Actor, a: ActivityFacts): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    if (actor.kind === 'system') return true;
    return actor.role === 'inspector' && a.teamRole !== null && a.teamRole !== 'shadow';
  },

  /**
   * Import a REFI-QDA project or codebook into an activity: whoever may write its evidence, and
   * admins (migrating work from another tool), while the evidence base is open. Importing into a
   * new activity needs createActivity instead.
   */
  importEvidence: (actor: Actor, a: ActivityFacts): boolean =>
    policies.writeEvidence(actor, a) ||
    (actor.kind === 'user' && actor.role === 'admin' && !EVIDENCE_CLOSED_STATES.has(a.state)),

  manageUsers: (actor: Actor): boolean => actor.kind === 'system' || actor.role === 'admin',

  /** Browse the whole audit log: admins and the national team. */
  viewAllAudit: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /** Browse one activity's audit trail: the activity's QAM and lead inspector too. */
  viewActivityAudit: (actor: Actor, a: ActivityFacts): boolean =>
    policies.viewAllAudit(actor) ||
    (actor.kind === 'user' &&
      actor.role === 'inspector' &&
      (a.teamRole === 'qam' || a.teamRole === 'lead_inspector')),

  /**
   * Annex A child-level data: the activity's team (any team role, which includes its data
   * analyst), admins and the national team. Regional staff, LA users and researchers never see
   * it (they get NOT_FOUND). LA users do not upload through Triangulate either: the LA sends
   * the file to the inspectorate and the team imports it, so no LA account can read back
   * child-level data.
   */
  viewAnnexA: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'inspector' && a.teamRole !== null && a.teamRole !== 'shadow';
  },

  /** Purge every Annex A past its retention date: admins (and the CLI operator). */
  purgeExpiredAnnexA: (actor: Actor): boolean => actor.kind === 'system' || actor.role === 'admin',

  /** Import or replace an activity's Annex A: the lead inspector, the team's analyst, admins. */
  importAnnexA: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin') return true;
    return (
      actor.role === 'inspector' && (a.teamRole === 'lead_inspector' || a.teamRole === 'analyst')
    );
  },

  /**
   * Decide the Annex A profile's candidate lines of enquiry (accept, edit, dismiss) and record
   * what the LA's self-evaluation claims per indicator: the team's inspectors, lead included
   * (not the QAM, the analyst or people shadowing), while the evidence base is open. Admins and
   * the national team may read the profile but not decide what the inspection enquires into.
   */
  decideDataCandidates: (actor: Actor, a: ActivityFacts): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    if (actor.kind === 'system') return true;
    return (
      actor.role === 'inspector' &&
      (a.teamRole === 'lead_inspector' ||
        a.teamRole === 'team_inspector' ||
        a.teamRole === 'regulatory_inspector' ||
        a.teamRole === 'education_inspector')
    );
  },
  /**
   * Read an activity's judgements (grades, provisional views, history, feedback log): its team,
   * admins, the national team and the region's staff (who oversee consistency and assign the
   * panel), and the inspectors assigned to its consistency panel (not on the team by
   * definition). Never LA users (they read the moderation record once published) or researchers.
   */
  viewJudgements: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    if (actor.role === 'regional') return a.laRegion !== null && a.laRegion === actor.region;
    return actor.role === 'inspector' && (a.teamRole !== null || panelMember);
  },

  /**
   * How the actor takes part in judgements: the lead, an inspecting team member, the QAM, a panel
   * member, an administrator (or the CLI operator), or someone who only reads.
   */
  judgementActor: (actor: Actor, a: ActivityFacts, panelMember: boolean): JudgementActor => {
    if (actor.kind === 'system' || actor.role === 'admin') return 'admin';
    if (actor.role !== 'inspector') return 'other';
    if (a.teamRole === 'lead_inspector') return 'lead';
    if (a.teamRole === 'qam') return 'qam';
    if (a.teamRole !== null && INSPECTING_ROLES.has(a.teamRole)) return 'inspector';
    return a.teamRole === null && panelMember ? 'panel' : 'other';
  },

  /**
   * Change grades, positions and narratives at a stage, while the activity is open: the lead and
   * inspecting team members at the team's provisional stage, the lead answering the panel, the
   * QAM in quality assurance, admins until final.
   */
  editJudgements: (
    actor: Actor,
    a: ActivityFacts,
    panelMember: boolean,
    stage: JudgementStage,
  ): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) &&
    mayEditIn(stage, policies.judgementActor(actor, a, panelMember)),

  /**
   * Move the judgements on from a stage (or send them back), while the activity is open: the lead
   * through the team and panel stages, the QAM from quality assurance, admins.
   */
  moveJudgements: (
    actor: Actor,
    a: ActivityFacts,
    panelMember: boolean,
    stage: JudgementStage,
  ): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) &&
    mayMoveFrom(stage, policies.judgementActor(actor, a, panelMember)),

  /**
   * Record one's own provisional view of a judgement: the lead and inspecting team members (a
   * person, not the CLI operator), while the activity is open.
   */
  recordProvisionalView: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    const who = policies.judgementActor(actor, a, panelMember);
    return actor.kind === 'user' && (who === 'lead' || who === 'inspector');
  },

  /**
   * Rate a sampled case for a judgement area (the inspector who looked at it): the lead and
   * inspecting team members (a person, not the CLI operator), while the activity is open.
   */
  rateCase: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    const who = policies.judgementActor(actor, a, panelMember);
    return actor.kind === 'user' && (who === 'lead' || who === 'inspector');
  },

  /**
   * See colleagues' provisional views of a judgement: to avoid anchoring, an inspecting team
   * member sees them at the team's provisional stage only once they have recorded their own; the
   * lead, the QAM, the panel and admins always see them.
   */
  viewOthersProvisionalViews: (
    actor: Actor,
    a: ActivityFacts,
    panelMember: boolean,
    stage: JudgementStage,
    recordedOwn: boolean,
  ): boolean =>
    recordedOwn ||
    stage !== 'team_provisional' ||
    policies.judgementActor(actor, a, panelMember) !== 'inspector',

  /** Comment on or challenge the judgements: consistency panel members and admins, while open. */
  commentOnJudgements: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    const who = policies.judgementActor(actor, a, panelMember);
    return who === 'panel' || who === 'admin';
  },

  /** Answer the panel's comments and challenges: the lead inspector and admins, while open. */
  answerPanelComments: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    const who = policies.judgementActor(actor, a, panelMember);
    return who === 'lead' || who === 'admin';
  },

  /**
   * Explain a difference between what was said on site and the grades: the lead, the QAM and
   * admins, while open.
   */
  explainDivergence: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    const who = policies.judgementActor(actor, a, panelMember);
    return who === 'lead' || who === 'qam' || who === 'admin';
  },

  /** Who may sit on a consistency panel: inspectors (not on the activity's team: the caller). */
  sitOnJudgementPanel: (user: { role: Role }): boolean => user.role === 'inspector',

  /** Assign inspectors to the consistency panel: the lead, the QAM, regional staff, admins. */
  assignJudgementPanel: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system' || actor.role === 'admin') return true;
    if (actor.role === 'regional') return a.laRegion !== null && a.laRegion === actor.region;
    return actor.role === 'inspector' && (a.teamRole === 'lead_inspector' || a.teamRole === 'qam');
  },

  /** Record what was said to the LA on site: the lead and inspecting team members, the QAM. */
  writeFeedbackLog: (actor: Actor, a: ActivityFacts): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    if (actor.kind === 'system') return true;
    return (
      actor.role === 'inspector' &&
      a.teamRole !== null &&
      (INSPECTING_ROLES.has(a.teamRole) || a.teamRole === 'qam')
    );
  },

  /**
   * The moderation record (what changed after on-site feedback and why): whoever reads the
   * judgements, and the LA's own users once the activity is published.
   */
  viewModerationRecord: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean => {
    if (policies.viewJudgements(actor, a, panelMember)) return true;
    return (
      actor.kind === 'user' &&
      actor.role === 'la_user' &&
      actor.laId === a.laId &&
      PUBLISHED_STATES.has(a.state)
    );
  },

  /**
   * The judgements as a report takes them: each grade with the team's narrative, context,
   * nearness and criteria met and not met. That is the team's internal reasoning, so it is read
   * only by those who read the judgements. LA users never read it, not even after publication:
   * they read the published report and the moderation record (viewModerationRecord).
   */
  viewReportInput: (actor: Actor, a: ActivityFacts, panelMember: boolean): boolean =>
    policies.viewJudgements(actor, a, panelMember),

  /**
   * An activity's case sample and its transparency statement: whoever may read its Annex A (the
   * team but shadows, admins, the national team). LA users, researchers and other inspectors
   * get NOT_FOUND.
   */
  viewSample: (actor: Actor, a: ActivityFacts): boolean => policies.viewAnnexA(actor, a),

  /**
   * The fieldwork plan and its progress (issue 17): the activity's team (the QAM, analyst and
   * people shadowing too), regional staff of its region, the national team and admins. Never LA
   * users or researchers.
   */
  viewFieldworkPlan: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'la_user' || actor.role === 'researcher') return false;
    if (actor.role === 'inspector') return a.teamRole !== null;
    return policies.viewActivity(actor, a);
  },

  /** Build and change the fieldwork plan: the lead inspector, while the evidence base is open. */
  editFieldworkPlan: (actor: Actor, a: ActivityFacts): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) &&
    (actor.kind === 'system' || (actor.role === 'inspector' && a.teamRole === 'lead_inspector')),

  /**
   * Mark a planned visit, conversation or observation done or cancelled: the lead, or the
   * inspector it is allocated to (they know first that it happened).
   */
  markFieldworkItem: (actor: Actor, a: ActivityFacts, allocatedTo: string): boolean =>
    policies.editFieldworkPlan(actor, a) ||
    (!EVIDENCE_CLOSED_STATES.has(a.state) &&
      actor.kind === 'user' &&
      actor.role === 'inspector' &&
      a.teamRole !== null &&
      INSPECTING_ROLES.has(a.teamRole) &&
      actor.userId === allocatedTo),

  /** Draw or redraw the sample: the lead inspector, the team's analyst and admins, while open. */
  drawSample: (actor: Actor, a: ActivityFacts): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) && policies.importAnnexA(actor, a),

  /**
   * Map the sample's pseudonyms back to the LA's own child identifiers (to ask the LA for the
   * right case file), view or export: the team that asks for case files (the lead, the team's
   * inspectors, the analyst) only. Never the QAM, people shadowing, admins or the national team
   * (they read the pseudonymised sample), LA users, researchers or anyone outside the team.
   */
  revealChildIdentifiers: (actor: Actor, a: ActivityFacts): boolean =>
    actor.kind === 'user' &&
    actor.role === 'inspector' &&
    a.teamRole !== null &&
    (INSPECTING_ROLES.has(a.teamRole) || a.teamRole === 'analyst'),

  /**
   * Add a case chosen on site, take a case out (with a reason), record the LA's audited cases:
   * the team but shadows (whoever may write evidence), while the evidence base is open.
   */
  editSample: (actor: Actor, a: ActivityFacts): boolean =>
    policies.viewSample(actor, a) && policies.writeEvidence(actor, a),

  /**
   * Read an activity's report drafts and versions: its team (shadows included), admins and the
   * national team. LA users see only what is released to them (commentOnReport); everyone who
   * can see the activity reads the report once it is published.
   */
  viewReportDraft: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'inspector' && a.teamRole !== null;
  },

  /** Write the draft and answer the LA's comments: the team except people shadowing. */
  writeReportDraft: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    return actor.role === 'inspector' && a.teamRole !== null && a.teamRole !== 'shadow';
  },

  /** Release the draft to the LA and publish it: the lead inspector and admins. */
  releaseReport: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin') return true;
    return actor.role === 'inspector' && a.teamRole === 'lead_inspector';
  },

  /**
   * Sign off an exact version of the report (before release, and the text after the LA's factual
   * accuracy check): the activity's quality assurance manager and administrators.
   */
  signOffReport: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin') return true;
    return actor.role === 'inspector' && a.teamRole === 'qam';
  },

  /** Read the released draft and comment on its factual accuracy: the inspected LA's users. */
  commentOnReport: (actor: Actor, a: ActivityFacts): boolean =>
    actor.kind === 'user' && actor.role === 'la_user' && policies.viewActivity(actor, a),

  // --- Attachments (issue 12) ---

  /**
   * Read (list, download) an attachment: whoever may read the record it belongs to. An evidence
   * record's files: the evidence base's readers. A factual-accuracy comment's documents: the
   * report's draft readers and the inspected LA's own users (commentOnReport holds them to their
   * LA). Researchers never, even once the activity is published.
   */
  viewAttachment: (
    actor: Actor,
    a: ActivityFacts,
    owner: 'evidence' | 'report_comment',
  ): boolean => {
    if (!policies.viewActivity(actor, a)) return false;
    if (actor.kind === 'user' && actor.role === 'researcher') return false;
    if (owner === 'evidence') return policies.viewEvidence(actor, a);
    return policies.viewReportDraft(actor, a) || policies.commentOnReport(actor, a);
  },

  /** Attach files to an evidence record, or remove them: whoever may write the evidence. */
  attachToEvidence: (actor: Actor, a: ActivityFacts): boolean => policies.writeEvidence(actor, a),

  /**
   * Attach documents to the LA's factual-accuracy comments, or remove them: the inspected LA's
   * users (while the window is open: the use case's check, as for the comments themselves).
   */
  attachToReportComment: (actor: Actor, a: ActivityFacts): boolean =>
    policies.commentOnReport(actor, a),

  // --- The edges: rules asked for the CLI and the demo (issue 11) ---

  /**
   * Act as another person's active account (the CLI's --as EMAIL): only the operator of the CLI
   * on the server itself, never a signed-in person.
   */
  actAsAccount: (actor: Actor): boolean => actor.kind === 'system',

  /** Seed the demo (its synthetic LA, its marker): only the system, never a signed-in person. */
  seedDemo: (actor: Actor): boolean => actor.kind === 'system',

  // ---- Reliability studies: blind evidence-base reviews (issue 15) ----

  /** Set up studies, assign reviewer pairs, read results: the national team and admins. */
  manageReliabilityStudies: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Read the redacted copy of one evidence base and record the pair's review: the pair's two
   * reviewers only. They never read the original: use cases give them the study's redacted copy,
   * never the activity (which viewActivity keeps hidden: reviewers are never on its team).
   */
  reviewStudyEvidenceBase: (actor: Actor, reviewerIds: string[]): boolean =>
    actor.kind === 'user' && actor.role === 'inspector' && reviewerIds.includes(actor.userId),

  /** Who may be a reviewer at all (the LA links are domain/reliability/assignment.ts). */
  beStudyReviewer: (user: { role: Role }): boolean => user.role === 'inspector',

  // ---- Your work and notifications (issue 12) ----

  /**
   * See one item of one's own work list: the activity must be one the person may see in that
   * role (an LA user's own LA, only once notified; a panel member's panel; a team member's team).
   */
  viewWorkItem: (actor: Actor, a: ActivityFacts): boolean =>
    actor.kind === 'user' && policies.viewActivity(actor, a),

  /** Read and mark as read one's own notifications: every signed-in person, never anyone else's. */
  readNotifications: (actor: Actor, ownerUserId: string): boolean =>
    actor.kind === 'user' && actor.userId === ownerUserId,

  /**
   * Be told about an activity: whoever may see it. An LA user is never told before the activity's
   * notification (unannounced inspections), which viewActivity already says.
   */
  receiveActivityNotification: (recipient: Actor, a: ActivityFacts): boolean =>
    recipient.kind === 'user' && policies.viewActivity(recipient, a),

  /** Send the e-mail outbox and list activities from the CLI: the operator and admins. */
  sendNotificationEmails: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin',

  /** Claim and run queued background jobs: the app servers' own job runner only. */
  runJobs: (actor: Actor): boolean => actor.kind === 'system',

  /** See a background job's progress and outcome: only the person who started it. */
  viewJob: (actor: Actor, ownerUserId: string | null): boolean =>
    actor.kind === 'user' && ownerUserId !== null && actor.userId === ownerUserId,
  // ---- The risk picture (issue 13) ----

  /**
   * Read an LA's risk picture (assessments, ratings, the whole intelligence log): the national
   * team and admins everywhere, regional staff in their region, and inspectors on the team of an
   * activity at that LA (`onTeamAtLa`). Never LA users or researchers: they get NOT_FOUND.
   */
  viewRiskPicture: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean => {
    if (actor.kind === 'system') return true;
    switch (actor.role) {
      case 'admin':
      case 'national':
        return true;
      case 'regional':
        return la.region !== null && la.region === actor.region;
      case 'inspector':
        return onTeamAtLa;
      default:
        return false;
    }
  },

  /** Record intelligence and assess risk: regional staff for their own region's LAs only. */
  writeRiskPicture: (actor: Actor, la: LaFacts): boolean => {
    if (actor.kind === 'system') return true;
    return actor.role === 'regional' && la.region !== null && la.region === actor.region;
  },

  /**
   * An LA user reads its own LA's intelligence entries marked as shared (domain/risk/intelligence
   * #visibleToLa says which), never ratings or confidential entries.
   */
  viewSharedIntelligence: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'user' && actor.role === 'la_user' && actor.laId === la.id,

  /** A region's risk view: national staff and admins for any region, regional staff their own. */
  viewRegionalRisk: (actor: Actor, region: string): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'regional' && actor.region === region;
  },

  /**
   * Read confidential intelligence (whistle-blowing, complaints, entries marked confidential):
   * national staff and admins, and regional staff of the LA's region. An inspection team's
   * week-zero material leaves them out: they stay with the region that holds them.
   */
  viewConfidentialIntelligence: (actor: Actor, la: LaFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'regional' && la.region !== null && la.region === actor.region;
  },

  /** The national view of every LA's risk level: national staff and admins. */
  viewNationalRisk: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Solve a programme of inspection activity (issue 14): national staff, admins and the operator
   * for any region or England (region null), regional staff for their own region.
   */
  solveProgramme: (actor: Actor, region: string | null): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return region !== null && actor.role === 'regional' && actor.region === region;
  },

  /**
   * Read a region's saved plan runs, explanations and comparisons (issue 14): whoever may solve
   * its programme. Inspectors read only their own placements in published versions
   * (viewOwnProgrammePlacements); LA users never see plans (inspections are unannounced).
   */
  viewProgrammeRuns: (actor: Actor, region: string | null): boolean =>
    policies.solveProgramme(actor, region),

  /** Inspectors read their own placements (on a team) in a published version of a programme. */
  viewOwnProgrammePlacements: (actor: Actor): boolean =>
    actor.kind === 'user' && actor.role === 'inspector',

  /** Publish a run as the region's next programme version: whoever may solve it. */
  publishProgramme: (actor: Actor, region: string | null): boolean =>
    policies.solveProgramme(actor, region),

  // ---- National statistics per LA (issue 13) ----

  /** Import DfE national statistics: the national team, admins and the operator (CLI). */
  importNationalStatistics: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Read an LA's national statistics beside its neighbours, region and England: whoever reads its
   * risk picture, and the LA's own users (the figures are public; the page shows no ratings).
   */
  viewNationalStatistics: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean =>
    policies.viewRiskPicture(actor, la, onTeamAtLa) ||
    (actor.kind === 'user' && actor.role === 'la_user' && actor.laId === la.id),
  // ---- Consistency panels across inspections (issue 15, Munro rec 3) ----

  /**
   * Convene a consistency panel across inspections: national staff for any scope (a region or
   * national, region null), regional staff for their own region, admins.
   */
  conveneConsistencyPanel: (actor: Actor, region: string | null): boolean => {
    if (actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'regional' && region !== null && region === actor.region;
  },

  /**
   * See the list of consistency panels (each then filtered by viewConsistencyPanel): the staff who
   * convene or may be named on one. LA users and researchers never learn the list exists.
   */
  viewConsistencyPanelList: (actor: Actor): boolean =>
    actor.kind === 'system' ||
    actor.role === 'admin' ||
    actor.role === 'national' ||
    actor.role === 'regional' ||
    actor.role === 'inspector',

  /**
   * Read a consistency panel (the provisional judgements of every inspection in it, side by
   * side): national staff and admins, the panel region's staff, and the people named as members.
   * Never LA users or researchers, even if named: they get NOT_FOUND.
   */
  viewConsistencyPanel: (actor: Actor, p: { region: string | null; member: boolean }): boolean => {
    if (actor.kind === 'system') return true;
    switch (actor.role) {
      case 'admin':
      case 'national':
        return true;
      case 'regional':
        return p.member || (p.region !== null && p.region === actor.region);
      case 'inspector':
        return p.member;
      default:
        return false;
    }
  },

  /**
   * Record a view of one inspection on a panel (consistent, or a query): named members, national
   * staff, the panel region's staff; a person, never about an inspection they are on the team of.
   */
  recordConsistencyView: (
    actor: Actor,
    p: { region: string | null; member: boolean },
    teamRoleOnInspection: TeamRole | null,
  ): boolean => {
    if (actor.kind !== 'user' || teamRoleOnInspection !== null) return false;
    if (!policies.viewConsistencyPanel(actor, p)) return false;
    return p.member || actor.role === 'national' || actor.role === 'regional';
  },

  /** Who may be named a member of a consistency panel: inspectors, regional and national staff. */
  sitOnConsistencyPanel: (user: { role: Role }): boolean =>
    user.role === 'inspector' || user.role === 'regional' || user.role === 'national',
  // ---- Calibration with vignettes and blind double coding (issue 15) ----

  /**
   * The vignette bank (texts with their reference grades) and setting up calibration exercises:
   * the national team and admins. Inspectors never browse the bank: its reference grades would
   * unblind them; they see an exercise's vignettes through the exercise.
   */
  manageCalibration: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Retire a vignette from the bank (no longer offered for new exercises; past exercises keep it):
   * the same keepers as add it.
   */
  retireCalibrationVignette: (actor: Actor): boolean => policies.manageCalibration(actor),

  /** An exercise: its organisers (national, admins) and the inspectors invited to it. */
  viewCalibrationExercise: (actor: Actor, invited: boolean): boolean =>
    policies.manageCalibration(actor) || (actor.kind === 'user' && invited),

  /** Rate an exercise's vignettes: only an invited inspector, as themselves. */
  rateCalibration: (actor: Actor, invited: boolean): boolean =>
    actor.kind === 'user' && actor.role === 'inspector' && invited,

  /**
   * Agreement by region and over time: national staff and admins, in groups of at least three
   * inspectors, never a named person's figures (domain/calibration/agreement.ts).
   */
  viewNationalCalibration: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Set up a blind double coding and reconcile it: the activity's lead inspector (and admins)
   * while its evidence base is open.
   */
  leadDoubleCoding: (actor: Actor, a: ActivityFacts): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    if (actor.kind === 'system' || actor.role === 'admin') return true;
    return actor.role === 'inspector' && a.teamRole === 'lead_inspector';
  },

  /**
   * See a double-coding assignment: whoever may read the activity's evidence and is its lead, an
   * admin, national staff, or one of its coders. What each sees of the codings is the use case's
   * blind rule (own codings only until every coder has finished).
   */
  viewDoubleCoding: (actor: Actor, a: ActivityFacts, isCoder: boolean): boolean => {
    if (!policies.viewEvidence(actor, a)) return false;
    if (actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national') return true;
    return a.teamRole === 'lead_inspector' || isCoder;
  },

  /** Code in an assignment: its coders only, while the evidence base is open. */
  codeDoubleCoding: (actor: Actor, a: ActivityFacts, isCoder: boolean): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) && actor.kind === 'user' && isCoder,
  /**
   * The research store (issue 20): pseudonymised, suppressed cross-inspection queries over
   * published inspections. Researchers, the national team and admins; never anyone else (an
   * inspector reads evidence through their own team's activities only).
   */
  useResearchStore: (actor: Actor): boolean =>
    actor.kind === 'system' ||
    actor.role === 'researcher' ||
    actor.role === 'national' ||
    actor.role === 'admin',

  /**
   * The corpus of published reports (issue 20): inspection reports and letters Ofsted has
   * published, so public. Everyone signed in may search and read them and see the language
   * findings across them: researchers, national and regional staff, inspectors and LA users.
   */
  viewCorpus: (actor: Actor): boolean => actor.kind === 'system' || actor.role !== undefined,

  /** Import a folder of published reports into the corpus: the national team and admins. */
  importCorpus: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'national' || actor.role === 'admin',

  /** A study (thematic review): its researcher, the national team and admins read and write it. */
  viewResearchStudy: (actor: Actor, study: { createdBy: string | null }): boolean => {
    if (!policies.useResearchStore(actor)) return false;
    if (actor.kind === 'system' || actor.role !== 'researcher') return true;
    return study.createdBy === actor.userId;
  },

  /** Coding a study's pseudonymised records with the thematic codebook: as the study's other
   *  writes (its researcher, the national team, admins). */
  codeResearchStudy: (actor: Actor, study: { createdBy: string | null }): boolean =>
    policies.viewResearchStudy(actor, study),

  /** A study coding is removed only by whoever coded it (others may code alongside). */
  removeStudyCoding: (
    actor: Actor,
    study: { createdBy: string | null },
    coding: { coderId: string | null },
  ): boolean =>
    policies.codeResearchStudy(actor, study) &&
    coding.coderId === (actor.kind === 'user' ? actor.userId : null),

  /** A saved research definition (a query or analysis as JSON): as a study, its author, the
   *  national team and admins. */
  viewResearchDefinition: (actor: Actor, d: { createdBy: string | null }): boolean =>
    policies.viewResearchStudy(actor, d),

  /** Whether a study shows LA identity is decided by the national team (or an admin), never by
   *  the researcher. */
  setStudyLaIdentity: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'national' || actor.role === 'admin',

  /** The national thematic codebook and its mappings: kept by the national team and admins. */
  maintainThematicCodebook: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'national' || actor.role === 'admin',

  /** Load a deprivation index for LAs (public statistics): the national team and admins. */
  loadLaContext: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'national' || actor.role === 'admin',
  // ---- The LA's self-evaluation and the annual engagement meeting (issue 13) ----

  /**
   * Read an LA's submitted self-evaluations (and its files): whoever reads its risk picture, and
   * the LA's own users. Researchers and other LAs get NOT_FOUND.
   */
  viewSelfEvaluations: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean =>
    policies.viewRiskPicture(actor, la, onTeamAtLa) ||
    (actor.kind === 'user' && actor.role === 'la_user' && actor.laId === la.id),

  /**
   * Write the draft and submit it: the LA's own users only (and the CLI operator, recording a
   * submission received another way). Nobody at the inspectorate writes an LA's self-evaluation.
   */
  writeSelfEvaluation: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'system' ||
    (actor.role === 'la_user' && actor.laId !== null && actor.laId === la.id),

  /** Read the unsubmitted draft: only those who write it (the inspectorate sees submissions). */
  viewSelfEvaluationDraft: (actor: Actor, la: LaFacts): boolean =>
    policies.writeSelfEvaluation(actor, la),

  /** Acknowledge receipt of a submission: regional staff of the LA's region. */
  acknowledgeSelfEvaluation: (actor: Actor, la: LaFacts): boolean =>
    policies.writeRiskPicture(actor, la),

  /** Which LAs have (not) submitted in the last 12 months: as the regional risk view. */
  viewSelfEvaluationStatus: (actor: Actor, region: string): boolean =>
    policies.viewRegionalRisk(actor, region),

  /**
   * An LA's engagement meetings in full (internal notes, agenda from intelligence, actions):
   * whoever reads its risk picture. LA users read only the released notes.
   */
  viewEngagementMeetings: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean =>
    policies.viewRiskPicture(actor, la, onTeamAtLa),

  /** Record and edit meetings and release their notes: regional staff of the LA's region. */
  writeEngagementMeeting: (actor: Actor, la: LaFacts): boolean =>
    policies.writeRiskPicture(actor, la),

  /** The version of a meeting's notes released to the LA: the LA's own users. */
  viewReleasedMeetingNotes: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'user' && actor.role === 'la_user' && actor.laId === la.id,
  // Issue 16: the data an inspection asks for against what it uses, and what it costs.

  /**
   * An activity's "data used" statement: whoever sees the activity in the inspectorate (a running
   * count while the work goes on); the inspected LA's users once it is published, never before.
   * Researchers do not (it is about the inspection's conduct, not its findings).
   */
  viewDataUsed: (actor: Actor, a: ActivityFacts): boolean => {
    if (!policies.viewActivity(actor, a)) return false;
    if (actor.kind === 'system') return true;
    if (actor.role === 'la_user') return PUBLISHED_STATES.has(a.state);
    return actor.role !== 'researcher';
  },

  /** Across inspections, which Annex A items and documents are never used: national staff. */
  viewNationalDataUsed: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /** The LA's recorded effort on an inspection: the same readers as the data-used statement
   * before publication too (the LA enters it while the inspection goes on). */
  viewLaEffort: (actor: Actor, a: ActivityFacts): boolean =>
    policies.viewActivity(actor, a) && (actor.kind === 'system' || actor.role !== 'researcher'),

  /** Record the LA's effort: the inspected LA's own users, once notified. */
  recordLaEffort: (actor: Actor, a: ActivityFacts): boolean =>
    actor.kind === 'system' ||
    (actor.role === 'la_user' && policies.viewActivity(actor, a) && a.state !== 'cancelled'),

  /** The LA's effort across inspections, by type and size: national staff. */
  viewNationalLaEffort: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  /**
   * Inspectors' working time per person per day within one activity: the lead and the QAM see
   * everyone's; another team member only their own; nobody else sees named days (national staff
   * see aggregates by role only: no league tables of individuals outside the activity).
   */
  workingTimeScope: (actor: Actor, a: ActivityFacts): 'all' | 'own' | 'none' => {
    if (actor.kind === 'system') return 'all';
    if (actor.role !== 'inspector' || a.teamRole === null) return 'none';
    return a.teamRole === 'lead_inspector' || a.teamRole === 'qam' ? 'all' : 'own';
  },

  /** Working time across inspections, aggregated by team role: national staff. */
  viewNationalWorkingTime: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'admin' || actor.role === 'national',

  // ---- Inspectors and capacity (issue 14) ----

  /**
   * A region's inspectors and their load: national staff and admins for any region, regional
   * staff for their own. Inspectors see only their own profile (viewInspectorProfile).
   */
  viewInspectorRoster: (actor: Actor, region: string): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'regional' && actor.region === region;
  },

  /**
   * One inspector's profile, leave, conflicts and load: their home region's staff (any region's
   * while they have no profile, so that one can be made), national staff, admins, and the
   * inspector themselves. Never LA users or researchers.
   */
  viewInspectorProfile: (
    actor: Actor,
    p: { userId: string; homeRegion: string | null },
  ): boolean => {
    if (actor.kind === 'system') return true;
    switch (actor.role) {
      case 'admin':
      case 'national':
        return true;
      case 'regional':
        return p.homeRegion === null || p.homeRegion === actor.region;
      case 'inspector':
        return actor.userId === p.userId;
      default:
        return false;
    }
  },

  /**
   * Set a profile, record leave and conflicts: national staff and admins, and regional staff for
   * inspectors of their region (`homeRegion` is the profile's, then the one being set).
   */
  editInspectorProfile: (actor: Actor, p: { homeRegion: string | null }): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'admin' || actor.role === 'national') return true;
    return actor.role === 'regional' && (p.homeRegion === null || p.homeRegion === actor.region);
  },

  // ---- The LA's action plan after an inspection and its monitoring (issue 16) ----

  /**
   * Read an LA's action plans (submitted versions) and reform programmes: its own users, regional
   * staff of its region, national staff, admins, and inspectors on a team at the LA (a monitoring
   * visit starts from the plan). Other LAs and researchers get NOT_FOUND.
   */
  viewActionPlan: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean => {
    if (actor.kind === 'system') return true;
    switch (actor.role) {
      case 'admin':
      case 'national':
        return true;
      case 'regional':
        return la.region !== null && la.region === actor.region;
      case 'inspector':
        return onTeamAtLa;
      case 'la_user':
        return actor.laId === la.id;
      case 'researcher':
        return false;
    }
  },

  /** Write the plan (its draft), submit it, and record the reform programme: the LA's own users. */
  writeActionPlan: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'system' ||
    (actor.role === 'la_user' && actor.laId !== null && actor.laId === la.id),

  /** Acknowledge a submitted version or return it with comments: regional staff of its region. */
  respondToActionPlan: (actor: Actor, la: LaFacts): boolean => {
    if (actor.kind === 'system') return true;
    return actor.role === 'regional' && la.region !== null && la.region === actor.region;
  },

  /**
   * A visit's review of the plan (views per item, the evidence linked): its team, regional staff
   * of the LA's region, national staff and admins. LA users see the views only once the visit is
   * published (viewPublishedMonitoringViews), never the evidence behind them.
   */
  viewMonitoringReview: (actor: Actor, visit: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'la_user' || actor.role === 'researcher') return false;
    if (actor.role === 'inspector') return visit.teamRole !== null;
    return policies.viewActivity(actor, visit);
  },

  /** Record the view per item and link evidence: the visit's lead inspector, while it is open. */
  recordMonitoringView: (actor: Actor, visit: ActivityFacts): boolean => {
    if (EVIDENCE_CLOSED_STATES.has(visit.state)) return false;
    if (actor.kind === 'system') return true;
    return actor.role === 'inspector' && visit.teamRole === 'lead_inspector';
  },

  /**
   * Views on the plan not yet published, beside its items: the inspectorate's readers of the
   * plan, never the LA (it sees a view once the visit's letter is published).
   */
  viewUnpublishedMonitoringViews: (actor: Actor, la: LaFacts, onTeamAtLa: boolean): boolean =>
    policies.viewActionPlan(actor, la, onTeamAtLa) &&
    (actor.kind === 'system' || actor.role !== 'la_user'),

  /** A visit's views shown to the LA beside each item: once the visit's letter is published. */
  viewPublishedMonitoringViews: (actor: Actor, la: LaFacts, visitState: string): boolean =>
    PUBLISHED_STATES.has(visitState) && policies.viewActionPlan(actor, la, false),
  /**
   * Strengths fed back at keeping-in-touch meetings, tracked to the draft: whoever reads the draft
   * sees them; whoever releases it (the lead, admins) links a paragraph by hand or says why one is
   * left out, since release is refused until each is accounted for.
   */
  trackFedBackStrengths: (actor: Actor, a: ActivityFacts): boolean =>
    policies.releaseReport(actor, a),

  /**
   * Practice QA (issue 17, Birmingham rec 7): who may observe an inspector's practice on an
   * activity. The activity's QAM observes anyone who inspects on it (the lead included); the lead,
   * as the senior HMI on site, observes the team's other inspectors (never the QAM, never
   * themselves); nobody else, not even admins or national staff, who read but do not observe.
   */
  observePractice: (
    actor: Actor,
    a: ActivityFacts,
    subject: { teamRole: TeamRole | null; userId: string },
  ): boolean => {
    if (subject.teamRole === null || !INSPECTING_ROLES.has(subject.teamRole)) return false;
    if (EVIDENCE_CLOSED_STATES.has(a.state)) return false;
    if (actor.kind === 'system') return true;
    if (actor.role !== 'inspector' || actor.userId === subject.userId) return false;
    if (a.teamRole === 'qam') return true;
    return a.teamRole === 'lead_inspector' && subject.teamRole !== 'lead_inspector';
  },

  /** The activity's practice QA page: its QAM and lead (who observe), and national staff. */
  viewActivityPracticeQa: (actor: Actor, a: ActivityFacts): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'national') return true;
    return actor.role === 'inspector' && (a.teamRole === 'qam' || a.teamRole === 'lead_inspector');
  },

  /**
   * One observation of an inspector's practice: the inspector observed, the person who wrote it
   * and national staff. Never other inspectors (the rest of the team included), LA users,
   * regional staff, researchers or admins: it is a development record, not an activity record.
   */
  viewPracticeObservation: (
    actor: Actor,
    o: { inspectorId: string; observerId: string | null },
  ): boolean => {
    if (actor.kind === 'system') return true;
    if (actor.role === 'national') return true;
    return (
      actor.userId === o.inspectorId || (o.observerId !== null && actor.userId === o.observerId)
    );
  },

  /** Acknowledge and answer an observation: only the inspector observed. */
  respondToPracticeObservation: (actor: Actor, o: { inspectorId: string }): boolean =>
    actor.kind === 'user' && actor.userId === o.inspectorId,

  /** One's own development record: inspectors (the only people observed). */
  viewOwnDevelopmentRecord: (actor: Actor): boolean =>
    actor.kind === 'user' && actor.role === 'inspector',

  /** Aggregate patterns of practice QA across inspections (suppressed, never per person). */
  viewPracticePatterns: (actor: Actor): boolean =>
    actor.kind === 'system' || actor.role === 'national',
} as const;

export type PolicyName = keyof typeof policies;
