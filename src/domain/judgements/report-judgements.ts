// The judgements of an activity as a report takes them (report-input.ts), from the framework and
// the recorded judgements: every judgement the activity's type grades, in framework order.
import { gradeLabel, type Framework } from '../frameworks/index.js';
import { judgementsFor, type JudgementContent } from './judgement-rules.js';
import type { ReportJudgement } from './report-input.js';

export function reportJudgementsOf(
  fw: Framework,
  activityType: string,
  records: ReadonlyMap<string, JudgementContent>,
  stage: string,
): ReportJudgement[] {
  return judgementsFor(fw, activityType).map((j) => {
    const rec = records.get(j.key);
    return {
      judgementKey: j.key,
      title: j.title,
      grade: rec?.grade ?? null,
      gradeLabel: rec?.grade ? gradeLabel(fw, rec.grade) : null,
      position: rec?.position ?? null,
      nearness: rec?.nearness ?? '',
      context: rec?.context ?? '',
      narrative: rec?.narrative ?? '',
      criteriaMet: rec?.criteriaMet ?? [],
      criteriaNotMet: rec?.criteriaNotMet ?? [],
      state: stage,
    };
  });
}
