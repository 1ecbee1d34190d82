// Adapts the framework registry to the ActivityTypeCatalog the activity use cases expect.
import type { ActivityTypeCatalog, ActivityTypeInfo } from '../activities/activity-type.js';
import { frameworksDir } from '../../paths.js';
import { loadFrameworks } from './load.js';
import { findActivityType, frameworkTitle, type FrameworkRegistry } from './registry.js';
import type { ActivityType } from './schema.js';

function toInfo(a: ActivityType): ActivityTypeInfo {
  return {
    id: a.key,
    label: a.label,
    output: a.output,
    hasTheme: a.hasTheme,
    // Labels, as the activity use cases show and store them; keys stay in the framework file.
    themes: a.themes.map((t) => t.label),
    hasSequenceNumber: a.hasSequenceNumber,
    hasPartnerInspectorates: a.hasPartnerInspectorates,
  };
}

/** Adapts a registry to the catalog the activity use cases expect (UseCaseContext.catalog). */
export function activityTypeCatalog(registry: FrameworkRegistry): ActivityTypeCatalog {
  return {
    frameworkFor: (date, activityType) => registry.forDate(date, activityType)?.id ?? null,
    activityType(frameworkId, activityType) {
      const fw = registry.get(frameworkId);
      const a = fw && findActivityType(fw, activityType);
      return a ? toInfo(a) : null;
    },
    activityTypes: (frameworkId) => registry.get(frameworkId)?.activityTypes.map(toInfo) ?? [],
    schedulingRules(frameworkId) {
      const fw = registry.get(frameworkId);
      if (!fw?.activityRules) return null;
      const types = new Map(
        registry.list().flatMap((f) => f.activityTypes.map((a) => [a.key, a.label] as const)),
      );
      return {
        rules: fw.activityRules,
        gradeOrder: fw.grades.map((g) => g.key),
        gradeLabel: (key) => fw.grades.find((g) => g.key === key)?.label ?? key,
        typeLabel: (key) => types.get(key) ?? key.replace(/_/g, ' '),
      };
    },
    frameworkName(frameworkId) {
      const fw = registry.get(frameworkId);
      return fw ? frameworkTitle(fw) : frameworkId;
    },
  };
}

/** Loads the frameworks folder (by default the project's frameworks/) as a catalog. */
export function loadActivityTypeCatalog(dir: string = frameworksDir()): ActivityTypeCatalog {
  return activityTypeCatalog(loadFrameworks(dir));
}
