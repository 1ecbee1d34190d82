// The team's view of the report: template, state, current sections with their paragraph
// numbers, the language checks and the template's structural rules beside each section, the
// version list, factual accuracy rounds and comments.
import {
  findReportVersion,
  listReportVersions,
  type Report,
  type ReportVersionSummary,
} from '../../data/repositories/reports.js';
import {
  listComments,
  listReleases,
  type ReportComment,
  type ReportRelease,
} from '../../data/repositories/report-reviews.js';
import { offeredTemplates } from '../../domain/reports/templates.js';
import { lintText } from '../../domain/language/index.js';
import { numberParagraphs } from '../../domain/reports/numbering.js';
import { checkStructure, type StructureProblem } from '../../domain/reports/rules.js';
import { joinSectionText } from '../../domain/reports/text.js';
import { isEditable, type ReportDocument, type ReportSection } from '../../domain/reports/types.js';
import { gradeMismatches, type GradeMismatch } from '../../domain/reports/grades.js';
import { findJudgementSet } from '../../data/repositories/judgements.js';
import { judgementsFor } from '../../domain/judgements/judgement-rules.js';
import { stageLabels as judgementStageLabels } from '../../domain/judgements/stages.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';
import { reportScope, type ReportScope } from './report-scope.js';
import { assembleFromSources } from './assemble-from-sources.js';
import { reportReadiness, type ReportReadiness } from './report-readiness.js';
import { isRequired } from '../../domain/reports/readiness.js';
import { policies } from '../../domain/access/policies.js';
import { todayInEngland } from '../../clock.js';
import {
  planProgressForLetter,
  type PlanProgressForLetter,
} from '../shared/plan-progress-for-letter.js';

export interface LanguageFinding {
  rule: string;
  line: number;
  column: number;
  text: string;
  message: string;
  suggestion: string;
}

export interface WorkspaceSection extends ReportSection {
  editable: boolean;
  numbers: (number | null)[];
  text: string;
  findings: LanguageFinding[];
  problems: StructureProblem[];
  /** Must have text before sign-off and publication. */
  mustHaveText: boolean;
}

export interface ReportWorkspace {
  activity: ReportScope['activity'];
  report: Report | null;
  templates: { key: string; label: string }[];
  document: ReportDocument | null;
  sections: WorkspaceSection[];
  versions: ReportVersionSummary[];
  releases: ReportRelease[];
  comments: ReportComment[];
  /** Grade table rows that no longer say what the judgements say. */
  gradeMismatches: GradeMismatch[];
  /** The judgements' stage label while graded judgements are not yet final (release waits). */
  judgementsPending: string | null;
  /** What stops sign-off, release and publication (empty lists: it may happen now). */
  readiness: Pick<ReportReadiness, 'signOff' | 'release' | 'publish' | 'purpose'> & {
    signedOff: ReportReadiness['currentSignoff'];
  };
  can: {
    create: boolean;
    write: boolean;
    release: boolean;
    publish: boolean;
    /** The QAM (or an admin) may sign off the current version now. */
    signOff: boolean;
    /** The actor is the one who signs off (whether or not it can happen now). */
    signsOff: boolean;
  };
  /** The lead's views on the LA's action plan, for a visit's letter to draw on (issue 16). */
  planProgress: PlanProgressForLetter | null;
}

const NOTHING_YET = {
  signOff: ['There is no draft yet.'],
  release: ['There is no draft yet.'],
  publish: ['There is no draft yet.'],
  purpose: 'release' as const,
  signedOff: null,
};

/** Language findings and structure problems for each section of a document. */
export function checkSections(doc: ReportDocument): WorkspaceSection[] {
  const numbers = numberParagraphs(doc.sections);
  const problems = checkStructure(doc.sections);
  return doc.sections.map((s, i) => {
    const text = joinSectionText(s);
    const findings =
      isEditable(s) && text.trim()
        ? lintText(text, { kind: doc.documentKind, layout: 'paragraphs' }).findings.map((f) => ({
            rule: f.rule,
            line: f.line,
            column: f.column,
            text: f.text,
            message: f.message,
            suggestion: f.suggestion,
          }))
        : [];
    return {
      ...s,
      editable: isEditable(s),
      numbers: numbers[i] ?? [],
      text,
      findings,
      problems: problems.filter((p) => p.sectionKey === s.key),
      mustHaveText: isRequired(s),
    };
  });
}

export async function getReportWorkspace(
  ctx: UseCaseContext,
  activityId: string,
): Promise<ReportWorkspace> {
  const scope = await reportScope(ctx, activityId);
  if (!scope.can.viewDraft) throw new AppError('NOT_FOUND');
  const { activity, framework, report } = scope;
  const day = activity.plannedStart ?? todayInEngland();
  const templates = offeredTemplates(framework, activity.activityType, day).map((t) => ({
    key: t.key,
    label: t.label,
  }));
  const open = report && report.state !== 'published';
  if (!report)
    return {
      activity,
      report,
      templates,
      document: null,
      sections: [],
      versions: [],
      releases: [],
      comments: [],
      gradeMismatches: [],
      judgementsPending: null,
      readiness: NOTHING_YET,
      planProgress: null,
      can: {
        create: scope.can.write && templates.length > 0,
        write: false,
        release: false,
        publish: false,
        signOff: false,
        signsOff: false,
      },
    };
  const graded = judgementsFor(framework, activity.activityType).length > 0;
  const [current, versions, releases, comments, fresh, set, planProgress] = await Promise.all([
    findReportVersion(ctx.db, report.id, report.currentVersion),
    listReportVersions(ctx.db, report.id),
    listReleases(ctx.db, report.id),
    listComments(ctx.db, report.id),
    open && scope.can.write ? assembleFromSources(ctx, scope, report.templateKey) : null,
    open && graded ? findJudgementSet(ctx.db, activity.id) : null,
    open && scope.can.write ? planProgressForLetter(ctx.db, activity.id) : null,
  ]);
  if (!current) throw new AppError('INTERNAL');
  const ready = await reportReadiness(ctx, scope, report);
  const mayRelease = Boolean(open) && scope.can.release;
  return {
    activity,
    report,
    templates,
    document: current.document,
    sections: checkSections(current.document),
    versions,
    releases,
    comments,
    gradeMismatches: fresh ? gradeMismatches(current.document, fresh.document) : [],
    judgementsPending: set && set.stage !== 'final' ? judgementStageLabels[set.stage] : null,
    planProgress,
    readiness: {
      signOff: ready.signOff,
      release: ready.release,
      publish: ready.publish,
      purpose: ready.purpose,
      signedOff: ready.currentSignoff,
    },
    can: {
      create: false,
      write: Boolean(open) && scope.can.write,
      release: mayRelease,
      publish: mayRelease && releases.length > 0,
      signOff:
        Boolean(open) && policies.signOffReport(ctx.actor, scope.facts) && !ready.signOff.length,
      signsOff: Boolean(open) && policies.signOffReport(ctx.actor, scope.facts),
    },
  };
}
