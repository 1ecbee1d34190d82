// Both engines must return the same JavaScript values for the same SQL types, so that code and
// tests behave identically on PGlite and PostgreSQL.
const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

const toNumber = (value: string): number => Number(value);
const keepText = (value: string): string => value;

/** Parsers for PGlite (type OID -> parser). */
export const pgliteParsers = {
  [INT8]: toNumber,
  [NUMERIC]: toNumber,
  [DATE]: keepText,
};

/** The same conversions registered on node-postgres. */
export const pgTypeOverrides: ReadonlyArray<[number, (value: string) => unknown]> = [
  [INT8, toNumber],
  [NUMERIC, toNumber],
  [DATE, keepText],
];
