// Agreement statistics: one engine for every place Triangulate measures how far raters agree
// (case ratings, blind reviews, calibration, double coding). Pure: ratings in, statistics out.
export { computeAgreement } from './engine.js';
export { LEVELS } from './types.js';
export type {
  AgreementOptions,
  AgreementReport,
  AgreementResult,
  Disagreement,
  Interval,
  Level,
  RatingsTable,
  StatisticKey,
  Weights,
} from './types.js';
export { readRatingsCsv, type RatingsCsvOptions } from './ratings-csv.js';
export {
  codingAgreement,
  pooledCodingAgreement,
  type PooledCodingAgreement,
  type CodedSpan,
  type CodeAgreement,
  type CodingAgreement,
  type CodingAgreementOptions,
} from './coding-agreement.js';
