// Reading risk model files (frameworks/risk/*.json): every problem named by file, field, reason.
// Synchronous on purpose, like the framework loader beside it: a few small files read once.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorDetail } from '../../errors.js';
import { checkRiskModel, RiskModelSchema, type RiskModel } from './model.js';

export interface RiskModelRegistry {
  all: readonly RiskModel[];
  get(id: string): RiskModel | undefined;
  /** The model in force on a date: the latest current one valid then. */
  inForce(onDate: string): RiskModel | undefined;
}

/** Checks raw JSON against the format and its cross-references; `file` names it in errors. */
export function parseRiskModel(raw: unknown, file: string): RiskModel {
  const parsed = RiskModelSchema.safeParse(raw);
  if (!parsed.success)
    throw new AppError('FRAMEWORK_INVALID', {
      details: parsed.error.issues.map((i) => ({
        file,
        field: i.path.map(String).join('.'),
        reason: i.message,
      })),
    });
  const details: ErrorDetail[] = checkRiskModel(parsed.data).map((p) => ({ file, ...p }));
  const base = path.basename(file);
  if (base.endsWith('.json') && base !== `${parsed.data.id}.json`)
    details.push({ file, field: 'id', reason: `The file must be named ${parsed.data.id}.json` });
  if (details.length > 0) throw new AppError('FRAMEWORK_INVALID', { details });
  return parsed.data;
}

export function loadRiskModelFile(file: string): RiskModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('FRAMEWORK_INVALID', {
      details: [{ file, reason: `Cannot read the file as JSON (${(err as Error).message})` }],
      cause: err,
    });
  }
  return parseRiskModel(raw, file);
}

export function createRiskRegistry(models: RiskModel[]): RiskModelRegistry {
  const sorted = [...models].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  return {
    all: sorted,
    get: (id) => sorted.find((m) => m.id === id),
    inForce: (onDate) =>
      sorted
        .filter(
          (m) =>
            m.status !== 'draft' &&
            m.validFrom <= onDate &&
            (m.validTo === null || onDate <= m.validTo),
        )
        .at(-1) ?? sorted.filter((m) => m.status !== 'draft').at(-1),
  };
}

/** Loads every *.json in a folder; problems in all files are gathered into one error. */
export function loadRiskModels(dir: string): RiskModelRegistry {
  const names = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort();
  const models: RiskModel[] = [];
  const details: ErrorDetail[] = [];
  for (const name of names) {
    try {
      models.push(loadRiskModelFile(path.join(dir, name)));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      details.push(...err.details);
    }
  }
  if (details.length > 0) throw new AppError('FRAMEWORK_INVALID', { details });
  if (models.length === 0)
    throw new AppError('FRAMEWORK_INVALID', { details: [{ file: dir, reason: 'No risk model' }] });
  return createRiskRegistry(models);
}
