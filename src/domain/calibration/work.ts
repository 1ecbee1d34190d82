// "Your work" for an invited inspector: a calibration exercise still to rate blind.
import type { WorkItem } from '../activities/work.js';

export function calibrationWorkItem(e: { id: string; title: string }): WorkItem {
  return {
    kind: 'calibration_rating',
    activityId: e.id,
    activityTitle: e.title,
    laName: 'calibration exercise',
    text: `Rate blind: ${e.title}`,
    href: `/calibration/exercises/${e.id}`,
    due: null,
  };
}
