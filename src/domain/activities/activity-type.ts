import type { ActivityRules } from '../scheduling/rules-schema.js';

// What the activity use cases need to know about an activity type; the framework files supply it.
export interface ActivityTypeInfo {
  id: string;
  label: string;
  output: 'graded_report' | 'letter' | 'none';
  hasTheme: boolean;
  themes: string[];
  hasSequenceNumber: boolean;
  hasPartnerInspectorates: boolean;
}

export interface ActivityTypeCatalog {
  /** The framework version in force on a date (for new activities). */
  frameworkFor(date: string, activityType: string): string | null;
  activityType(frameworkId: string, activityType: string): ActivityTypeInfo | null;
  activityTypes(frameworkId: string): ActivityTypeInfo[];
  frameworkName(frameworkId: string): string;
  /** The framework's activity rules and what checking them needs (absent: no rules). */
  schedulingRules?(frameworkId: string): SchedulingRules | null;
}

export interface SchedulingRules {
  rules: ActivityRules;
  /** Grade keys, best first. */
  gradeOrder: string[];
  gradeLabel(key: string): string;
  typeLabel(key: string): string;
}
