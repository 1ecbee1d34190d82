// What may happen next to a report, and why not: the QAM's sign-off of the current version, the
// lead's release to the LA and publication. The pages show exactly these problems instead of a
// button that would be refused, and the use cases refuse with the same words.
import { now as clockNow } from '../../clock.js';
import { findReportVersion, type Report } from '../../data/repositories/reports.js';
import {
  listComments,
  listReleases,
  listSignoffs,
  type ReportRelease,
  type ReportSignoff,
} from '../../data/repositories/report-reviews.js';
import { stateLabels } from '../../domain/activities/lifecycle.js';
import { ukDate } from '../../domain/reports/factual-accuracy.js';
import {
  contentProblems,
  factualAccuracyProblem,
  fieldworkProblem,
  signedOff,
  type ReleaseRound,
} from '../../domain/reports/readiness.js';
import { checkStructure } from '../../domain/reports/rules.js';
import type { ReportDocument } from '../../domain/reports/types.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { judgementsSettledProblems } from './judgements-settled.js';
import type { ReportScope } from './report-scope.js';

export interface ReportReadiness {
  document: ReportDocument;
  releases: ReportRelease[];
  signoffs: ReportSignoff[];
  /** The QAM's sign-off of the current version since the latest release, if any. */
  currentSignoff: ReportSignoff | null;
  /** What the next sign-off is for: the first release, or publication after the LA's check. */
  purpose: 'release' | 'publication';
  signOff: string[];
  release: string[];
  publish: string[];
}

const round = (r: ReportRelease | undefined): ReleaseRound | null =>
  r
    ? { deadline: r.deadline, releasedAt: r.releasedAt, laConfirmed: r.laConfirmed !== null }
    : null;

export async function reportReadiness(
  ctx: UseCaseContext,
  scope: ReportScope,
  report: Report,
  now: Date = clockNow(),
): Promise<ReportReadiness> {
  const { activity } = scope;
  const [version, releases, comments, signoffs] = await Promise.all([
    findReportVersion(ctx.db, report.id, report.currentVersion),
    listReleases(ctx.db, report.id),
    listComments(ctx.db, report.id),
    listSignoffs(ctx.db, report.id),
  ]);
  if (!version) throw new AppError('INTERNAL');
  const document = version.document;
  const today = ukDate(now);
  const last = round(releases.at(-1));
  const current = signedOff(signoffs, report.currentVersion, last);
  const purpose = releases.length > 0 ? 'publication' : 'release';

  const common: string[] = [];
  const settled = await judgementsSettledProblems(ctx, scope, document, 'sign off');
  if (settled) common.push(settled.message, ...settled.details.map((d) => d.reason));
  common.push(...contentProblems(document));
  common.push(...checkStructure(document.sections).map((p) => p.message));
  const fa = factualAccuracyProblem(last, comments.filter((c) => !c.response).length, today);
  const state = stateLabels[activity.state].toLowerCase();
  const notCurrent = `The quality assurance manager has not signed off version ${report.currentVersion}${releases.length ? ' since the LA’s factual accuracy check' : ''}.`;

  const signOff: string[] = [];
  if (report.state === 'published') signOff.push('The report is published.');
  else if (current) signOff.push(`Version ${report.currentVersion} is already signed off.`);
  else if (purpose === 'release' && !['drafting', 'quality_assurance'].includes(activity.state))
    signOff.push(
      `The activity is ${state}: the draft is signed off once the judgements are final and the report is drafted.`,
    );
  else if (
    purpose === 'publication' &&
    !['factual_accuracy', 'quality_assurance'].includes(activity.state)
  )
    signOff.push(`The activity is ${state}.`);
  if (purpose === 'publication' && fa) signOff.push(fa);
  signOff.push(...common);

  const release: string[] = [];
  if (report.state === 'published') release.push('The report is published.');
  else if (activity.state === 'factual_accuracy')
    release.push('The draft is with the LA for its factual accuracy check.');
  else if (activity.state !== 'quality_assurance')
    release.push(
      `The activity is ${state}: the draft goes to the LA once the quality assurance manager has signed it off.`,
    );
  else if (!current) release.push(notCurrent);
  release.push(...common);

  const publish =
    report.state === 'published'
      ? ['The report is published.']
      : publishProblems({
          activity,
          released: releases.length > 0,
          fa,
          current,
          notCurrent,
          today,
        });
  publish.push(...common);
  const uniq = (xs: string[]) => [...new Set(xs)];
  return {
    document,
    releases,
    signoffs,
    currentSignoff: current,
    purpose,
    signOff: uniq(signOff),
    release: uniq(release),
    publish: uniq(publish),
  };
}

/** What stops publication of a report not yet published (before the problems all share). */
function publishProblems(p: {
  activity: ReportScope['activity'];
  released: boolean;
  fa: string | null;
  current: ReportSignoff | null;
  notCurrent: string;
  today: string;
}): string[] {
  const { activity, released, fa } = p;
  const publish: string[] = [];
  if (!released) publish.push('Release the draft to the LA for its factual accuracy check first.');
  else if (fa) publish.push(fa);
  if (released && activity.state === 'factual_accuracy')
    publish.push('The quality assurance manager signs off the text after the LA’s check.');
  else if (activity.state !== 'quality_assurance')
    publish.push(`The activity is ${stateLabels[activity.state].toLowerCase()}.`);
  else if (!p.current || !released) publish.push(p.notCurrent);
  const fieldwork = fieldworkProblem(activity.plannedEnd, p.today);
  if (fieldwork) publish.push(fieldwork);
  return publish;
}

/** REPORT_NOT_READY naming every problem, for the use cases. */
export function notReady(what: string, problems: string[]): AppError {
  return new AppError('REPORT_NOT_READY', {
    message: `${what}. ${problems.join(' ')}`,
    details: problems.map((p) => ({ field: 'report', reason: p })),
  });
}
