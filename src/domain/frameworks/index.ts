// Frameworks as data: the file format, loading, the registry and the aggregation rule engine.
export * from './schema.js';
export { checkFramework, formatPath, type Problem } from './validate.js';
export * from './grades.js';
export * from './rules.js';
export * from './registry.js';
export * from './load.js';
export * from './catalog.js';
