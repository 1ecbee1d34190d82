// Authorization rules, all in one place. Every read and write in HTML, JSON and CLI paths asks
// here. A rule gets the actor and the facts about the thing (never a database handle).
import type { Actor } from './actor.js';
import type { TeamRole } from './roles.js';

/** How someone takes part in an activity's judgements (domain/judgements/stages.ts uses it). */
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

export const policies = {
  /** The LA register and each LA's published history are public information. */
  viewLaRegister: (actor: Actor): boolean => actor.kind === 'system' || actor.role !== undefined,

  viewLa: (actor: Actor, la: LaFacts): boolean =>
    actor.kind === 'system' || actor.role !== 'la_user' || actor.laId === la.id,

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

  /** Draw or redraw the sample: the lead inspector, the team's analyst and admins, while open. */
  drawSample: (actor: Actor, a: ActivityFacts): boolean =>
    !EVIDENCE_CLOSED_STATES.has(a.state) && policies.importAnnexA(actor, a),

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

  /**
   * Act as another person's active account (the CLI's --as EMAIL): only the operator of the CLI
   * on the server itself, never a signed-in person.
   */
  actAsAccount: (actor: Actor): boolean => actor.kind === 'system',
} as const;

export type PolicyName = keyof typeof policies;
