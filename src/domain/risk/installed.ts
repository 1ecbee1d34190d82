// The installed risk models: the files in frameworks/risk/, loaded once per process.
import { AppError } from '../../errors.js';
import { riskModelsDir } from '../../paths.js';
import { loadRiskModels, type RiskModelRegistry } from './load.js';
import type { RiskModel } from './model.js';

let registry: RiskModelRegistry | null = null;

export function riskModelRegistry(override?: RiskModelRegistry): RiskModelRegistry {
  if (override) registry = override;
  registry ??= loadRiskModels(riskModelsDir());
  return registry;
}

/** The model an assessment was made under (by id), or the one in force on a date. */
export function riskModel(by: { id: string } | { onDate: string }): RiskModel {
  const r = riskModelRegistry();
  const m = 'id' in by ? r.get(by.id) : r.inForce(by.onDate);
  if (!m) throw new AppError('INTERNAL', { message: 'No risk model is installed for that' });
  return m;
}
