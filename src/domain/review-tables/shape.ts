// Stored events (history rows, activities, engagement meetings) shaped as engagements: the
// framework family in force, days on site and team size from the framework files (never guessed
// in code), and the theme matched to the framework's theme keys through their aliases.
import type { FrameworkRegistry } from '../frameworks/registry.js';
import type { Framework } from '../frameworks/schema.js';
import type { Engagement, FrameworkFamily } from './engagements.js';

/** A stored event as the repository reads it, with the facts the access rules ask about. */
export interface StoredEngagement {
  laId: string;
  laRegion: string | null;
  activityType: string;
  frameworkId: string | null;
  startDate: string;
  endDate: string | null;
  theme: string | null;
  /** Activities: their state and notification (null for history rows). */
  state: string | null;
  notifiedAt: Date | null;
  /** Inspecting members of the activity's team (0: no team yet, or a history row). */
  inspectors: number;
}

/** Engagements that are not visits or inspections. */
const OFF_SITE = new Set(['annual_engagement_meeting', 'self_evaluation']);
/** History types the framework files name otherwise. */
const TYPE_IN_FRAMEWORK: Record<string, string> = { judgement_inspection: 'standard_inspection' };

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

function themeOf(fw: Framework | undefined, type: string, theme: string | null) {
  if (!theme) return { theme: null, themeLabel: null };
  const themes = fw?.activityTypes.find((a) => a.key === type)?.themes ?? [];
  const t = themes.find(
    (x) =>
      x.key === theme ||
      norm(x.label) === norm(theme) ||
      x.aliases.some((a) => norm(a) === norm(theme)),
  );
  return t ? { theme: t.key, themeLabel: t.label } : { theme, themeLabel: theme };
}

export function shapeEngagement(s: StoredEngagement, registry: FrameworkRegistry): Engagement {
  const fwType = TYPE_IN_FRAMEWORK[s.activityType] ?? s.activityType;
  const fw =
    (s.frameworkId ? registry.get(s.frameworkId) : undefined) ??
    registry.forDate(s.startDate, fwType) ??
    registry.forDate(s.startDate);
  const defaults = fw?.activityTypes.find((a) => a.key === fwType)?.defaults;
  const framework: FrameworkFamily = fw?.family === 'sif' ? 'SIF' : 'ILACS';
  return {
    laId: s.laId,
    type: s.activityType,
    framework,
    startDate: s.startDate,
    endDate: s.endDate,
    onSite: !OFF_SITE.has(s.activityType),
    defaultDays: defaults?.fieldworkDays ?? null,
    teamSize: s.inspectors > 0 ? s.inspectors : (defaults?.teamSize ?? null),
    ...themeOf(fw, fwType, s.theme),
  };
}
