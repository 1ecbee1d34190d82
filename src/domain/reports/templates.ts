// Which report templates an activity may use: those its type lists that the framework has and
// that are in force on the day (the activity's planned start).
import type { Framework, ReportTemplate } from '../frameworks/index.js';
import { findActivityType, inWindow } from '../frameworks/index.js';

export function offeredTemplates(
  framework: Framework,
  activityType: string,
  day: string,
): ReportTemplate[] {
  return (findActivityType(framework, activityType)?.reportTemplates ?? [])
    .map((k) => framework.reportTemplates.find((t) => t.key === k))
    .filter((t): t is ReportTemplate => t !== undefined && inWindow(t, day));
}
