// The LA's self-evaluation of social work practice: the framework's questions (read from the
// framework file's `self_evaluation` activity type, never written here), the two further sections
// (improvement plan, reform programme), the shapes use cases hand back, comparing two versions and
// whether an LA has submitted in the last 12 months.
import type { PersonRef } from '../evidence/records.js';
import type { Framework } from '../frameworks/schema.js';

export const SELF_EVALUATION_TYPE = 'self_evaluation';

export const fileSections = ['improvement_plan', 'reform_programme', 'other'] as const;
export type FileSection = (typeof fileSections)[number];
export const fileSectionLabels: Record<FileSection, string> = {
  improvement_plan: 'Improvement plan',
  reform_programme: 'Reform programme',
  other: 'Other supporting document',
};

export interface Answer {
  question: string;
  answer: string;
}

export interface SelfEvaluationFile {
  id: string;
  laId: string;
  section: FileSection;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  scan: { status: 'clean' | 'not_scanned'; detail: string | null };
  uploadedBy: PersonRef;
  uploadedAt: Date;
}

export interface SelfEvaluationContent {
  frameworkId: string;
  answers: Answer[];
  improvementPlan: string;
  reformProgramme: string;
  fileIds: string[];
}

export interface SelfEvaluationDraft extends SelfEvaluationContent {
  laId: string;
  basedOnVersion: number | null;
  updatedBy: PersonRef;
  updatedAt: Date;
}

export interface SelfEvaluation extends SelfEvaluationContent {
  id: string;
  laId: string;
  version: number;
  submittedOn: string;
  submittedAt: Date;
  submittedBy: PersonRef;
  intelligenceEntryId: string | null;
  acknowledgement: { at: Date; by: PersonRef; note: string | null } | null;
}

/** The three questions of the framework in force (its `self_evaluation` activity's prompts). */
export function selfEvaluationQuestions(fw: Framework | undefined): string[] {
  return fw?.activityTypes.find((a) => a.key === SELF_EVALUATION_TYPE)?.prompts ?? [];
}

/**
 * The answers laid over the questions: each question once, in the framework's order, with what
 * was answered to it before (matched by its text) and any earlier question no longer asked kept
 * at the end, so nothing written is dropped when a framework changes its wording.
 */
export function answersFor(questions: readonly string[], previous: readonly Answer[]): Answer[] {
  const byQuestion = new Map(previous.map((a) => [a.question, a.answer]));
  const out = questions.map((q) => ({ question: q, answer: byQuestion.get(q) ?? '' }));
  for (const a of previous)
    if (!questions.includes(a.question) && a.answer.trim() !== '') out.push(a);
  return out;
}

export interface SectionComparison {
  heading: string;
  before: string;
  after: string;
  changed: boolean;
}

/** Section by section: each question, the improvement plan, the reform programme and files. */
export function compareVersions(
  before: SelfEvaluationContent,
  after: SelfEvaluationContent,
  fileName: (id: string) => string,
): SectionComparison[] {
  const questions = [...new Set([...before.answers, ...after.answers].map((a) => a.question))];
  const answerOf = (c: SelfEvaluationContent, q: string) =>
    c.answers.find((a) => a.question === q)?.answer ?? '';
  const files = (c: SelfEvaluationContent) => c.fileIds.map(fileName).sort().join('\n');
  const rows = [
    ...questions.map((q) => ({
      heading: q,
      before: answerOf(before, q),
      after: answerOf(after, q),
    })),
    { heading: 'Improvement plan', before: before.improvementPlan, after: after.improvementPlan },
    { heading: 'Reform programme', before: before.reformProgramme, after: after.reformProgramme },
    { heading: 'Attached documents', before: files(before), after: files(after) },
  ];
  return rows.map((r) => ({ ...r, changed: r.before.trim() !== r.after.trim() }));
}

/** Problems with content about to be submitted: every question answered. */
export function submissionProblems(c: SelfEvaluationContent): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  c.answers.forEach((a, i) => {
    if (a.answer.trim() === '')
      problems.push({ field: `answers.${i}`, reason: `Answer “${a.question}”` });
  });
  if (c.answers.length === 0)
    problems.push({ field: 'answers', reason: 'The framework in force asks no questions' });
  return problems;
}

/** The day twelve months before `today` (the window a submission must fall in). */
export function twelveMonthsBefore(today: string): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  // 29 February a year on is 28 February (the window never reaches into a day that is not there).
  const day = m === 2 && d === 29 ? 28 : d;
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export type SubmissionStatus = 'submitted' | 'overdue' | 'never';

/** Whether an LA's latest submission falls in the last 12 months (on or after the day a year ago). */
export function submissionStatus(latest: string | null, today: string): SubmissionStatus {
  if (latest === null) return 'never';
  return latest >= twelveMonthsBefore(today) ? 'submitted' : 'overdue';
}

export const submissionStatusLabels: Record<SubmissionStatus, string> = {
  submitted: 'Submitted in the last 12 months',
  overdue: 'Not submitted in the last 12 months',
  never: 'Never submitted',
};
