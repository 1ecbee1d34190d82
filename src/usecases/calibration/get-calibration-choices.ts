// What the calibration forms offer their keepers: the framework files' graded judgement areas
// with their evaluation criteria and grade scale (for a new vignette), and the inspectors'
// accounts that may be invited to an exercise. The bank's keepers only.
import { listUsers } from '../../data/repositories/users.js';
import { policies } from '../../domain/access/policies.js';
import { frameworkRegistry } from '../../domain/frameworks/installed.js';
import { frameworkTitle } from '../../domain/frameworks/registry.js';
import { criteriaOf } from '../../domain/judgements/judgement-rules.js';
import { AppError } from '../../errors.js';
import type { UseCaseContext } from '../context.js';

export interface CalibrationChoices {
  frameworks: {
    id: string;
    title: string;
    inForce: boolean;
    grades: { key: string; label: string }[];
    judgements: { key: string; title: string; criteria: { key: string; text: string }[] }[];
  }[];
  inspectors: { id: string; email: string; displayName: string; region: string | null }[];
}

export async function getCalibrationChoices(ctx: UseCaseContext): Promise<CalibrationChoices> {
  if (!policies.manageCalibration(ctx.actor)) throw new AppError('NOT_FOUND');
  const users = await listUsers(ctx.db, { role: 'inspector' });
  return {
    frameworks: frameworkRegistry()
      .list()
      .filter((fw) => fw.criteria.areas.length > 0)
      .reverse()
      .map((fw) => ({
        id: fw.id,
        title: frameworkTitle(fw),
        inForce: fw.validTo === null,
        grades: fw.grades.map((g) => ({ key: g.key, label: g.label })),
        judgements: fw.judgements
          .filter((j) => j.graded && criteriaOf(fw, j.key).length > 0)
          .map((j) => ({ key: j.key, title: j.title, criteria: criteriaOf(fw, j.key) })),
      })),
    inspectors: users
      .filter((u) => !u.disabled)
      .map((u) => ({ id: u.id, email: u.email, displayName: u.displayName, region: u.region })),
  };
}
