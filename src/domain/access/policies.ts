// Authorization rules, all in one place. Every read and write in HTML, JSON and CLI paths asks
// here. A rule gets the actor and the facts about the thing (never a database handle).
import type { Actor } from './actor.js';
import type { TeamRole } from './roles.js';

export interface ActivityFacts {
  laId: string;
  laRegion: string | null;
  state: string;
  notifiedAt: Date | null;
  /** The actor's role on this activity's team, if any. */
  teamRole: TeamRole | null;
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
        return a.teamRole !== null;
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

  /** Read the released draft and comment on its factual accuracy: the inspected LA's users. */
  commentOnReport: (actor: Actor, a: ActivityFacts): boolean =>
    actor.kind === 'user' && actor.role === 'la_user' && policies.viewActivity(actor, a),
} as const;

export type PolicyName = keyof typeof policies;
