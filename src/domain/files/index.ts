// Safe reading and writing of untrusted files: ZIP (zip bombs, traversal, symlinks), XML (no DTDs,
// no entities), spreadsheets (.xlsx, .ods, .csv) and formula-injection-safe exports.
export * from './cell-safety.js';
export * from './read-spreadsheet.js';
export * from './spreadsheet.js';
export * from './writers.js';
export * from './xml.js';
export * from './zip.js';
export { readXlsx, listXlsxSheets } from './xlsx-reader.js';
export { readOds, isOds } from './ods-reader.js';
export { readCsv, decodeText } from './csv-reader.js';
