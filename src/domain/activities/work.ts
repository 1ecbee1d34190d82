// "Your work": what waits for one person across the activities they take part in, derived from
// what is already recorded (judgement stages, report states, comments, the factual accuracy
// window). Pure: the repository gathers the facts, this decides whose turn it is.
import type { JudgementStage } from '../judgements/stages.js';
import type { ActivityState } from './lifecycle.js';

/** How the person takes part in one activity. */
export type WorkRole = 'lead' | 'qam' | 'panel' | 'la';

export interface WorkReportFacts {
  currentVersion: number;
  published: boolean;
  releases: number;
  /** The latest release round, if any. */
  lastRelease: { deadline: string; laConfirmed: boolean } | null;
  /** The QAM signed off the current version since the latest release. */
  currentSignedOff: boolean;
  /** LA comments with no answer yet. */
  openLaComments: number;
}

export interface WorkFacts {
  activityId: string;
  title: string;
  laName: string;
  laId: string;
  laRegion: string | null;
  notifiedAt: Date | null;
  state: ActivityState;
  plannedEnd: string | null;
  roles: WorkRole[];
  judgementStage: JudgementStage;
  /** Panel comments and challenges with no answer from the lead yet. */
  openPanelComments: number;
  report: WorkReportFacts | null;
}

export type WorkKind =
  | 'panel_challenges'
  | 'qa_approval'
  | 'panel_answers'
  | 'draft_report'
  | 'signoff_release'
  | 'release'
  | 'factual_accuracy'
  | 'la_answers'
  | 'signoff_publication'
  | 'publish'
  | 'study_review'
  | 'double_coding'
  | 'calibration_rating';

export interface WorkItem {
  kind: WorkKind;
  activityId: string;
  activityTitle: string;
  laName: string;
  /** What to do, as a short instruction. */
  text: string;
  /** The page where the work is done. */
  href: string;
  /** YYYY-MM-DD, or null where the activity's records give no date. */
  due: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The items waiting for this person in one activity. Judgement work is due by the last day of
 * fieldwork (grades are agreed before the final feedback); the LA's check and the lead's answers
 * to it are due by the window's last day; other report steps carry no recorded date.
 */
export function workItemsOf(f: WorkFacts, today: string): WorkItem[] {
  const out: WorkItem[] = [];
  const base = `/activities/${f.activityId}`;
  const add = (kind: WorkKind, text: string, href: string, due: string | null) =>
    out.push({
      kind,
      activityId: f.activityId,
      activityTitle: f.title,
      laName: f.laName,
      text,
      href,
      due,
    });
  const has = (r: WorkRole) => f.roles.includes(r);
  if (f.state === 'published' || f.state === 'cancelled') return out;
  const stage = f.judgementStage;
  if (has('panel') && stage === 'consistency_panel')
    add(
      'panel_challenges',
      'Challenge or comment on the judgements',
      `${base}/judgements/panel`,
      f.plannedEnd,
    );
  if (has('qam') && stage === 'quality_assurance')
    add(
      'qa_approval',
      'Approve the judgements or send them back',
      `${base}/judgements/qa`,
      f.plannedEnd,
    );
  if (has('lead') && f.openPanelComments > 0)
    add(
      'panel_answers',
      `Answer ${plural(f.openPanelComments, 'consistency panel comment', 'consistency panel comments')}`,
      `${base}/judgements/panel`,
      f.plannedEnd,
    );
  const r = f.report;
  if (has('lead') && stage === 'final' && !r && f.state === 'drafting')
    add('draft_report', 'Draft the report from the final judgements', `${base}/report`, null);
  if (!r || r.published) return out;
  const window = r.lastRelease;
  if (has('qam') && r.releases === 0 && !r.currentSignedOff && f.state === 'drafting')
    add(
      'signoff_release',
      `Sign off version ${r.currentVersion} of the draft for release`,
      `${base}/report#next-steps`,
      null,
    );
  if (has('lead') && r.releases === 0 && r.currentSignedOff && f.state === 'quality_assurance')
    add(
      'release',
      'Release the signed-off draft to the local authority',
      `${base}/report/release`,
      null,
    );
  if (
    has('la') &&
    f.state === 'factual_accuracy' &&
    window &&
    !window.laConfirmed &&
    today <= window.deadline
  )
    add(
      'factual_accuracy',
      'Check the draft report for factual accuracy',
      `${base}/report/factual-accuracy`,
      window.deadline,
    );
  if (has('lead') && r.openLaComments > 0)
    add(
      'la_answers',
      `Answer ${plural(r.openLaComments, 'factual accuracy comment', 'factual accuracy comments')} from the local authority`,
      `${base}/report`,
      window?.deadline ?? null,
    );
  const faOver = window !== null && (today > window.deadline || window.laConfirmed);
  if (
    has('qam') &&
    f.state === 'factual_accuracy' &&
    faOver &&
    r.openLaComments === 0 &&
    !r.currentSignedOff
  )
    add(
      'signoff_publication',
      'Sign off the text after the factual accuracy check',
      `${base}/report#next-steps`,
      null,
    );
  if (has('lead') && f.state === 'quality_assurance' && r.releases > 0 && r.currentSignedOff)
    add('publish', 'Publish the signed-off report', `${base}/report/publish`, null);
  return out;
}

/** Everything waiting for one person: dated items first, soonest first, then the rest. */
/** A double coding the person has still to code blind and finish (due by fieldwork's end). */
export function doubleCodingWorkItem(f: {
  assignmentId: string;
  title: string;
  activityId: string;
  activityTitle: string;
  laName: string;
  plannedEnd: string | null;
}): WorkItem {
  return {
    kind: 'double_coding',
    activityId: f.activityId,
    activityTitle: f.activityTitle,
    laName: f.laName,
    text: `Code blind and finish: ${f.title}`,
    href: `/activities/${f.activityId}/double-coding/${f.assignmentId}`,
    due: f.plannedEnd,
  };
}

export function sortWork(items: WorkItem[]): WorkItem[] {
  return [...items].sort((a, b) => {
    if (a.due && b.due)
      return a.due.localeCompare(b.due) || a.activityTitle.localeCompare(b.activityTitle);
    if (a.due) return -1;
    if (b.due) return 1;
    return a.activityTitle.localeCompare(b.activityTitle);
  });
}
