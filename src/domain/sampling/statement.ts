// The sample transparency statement that a report carries (Birmingham recommendation 6: sample
// size and spread were never reported). Produced by usecases/sampling/get-sample-statement.ts;
// consumed by the reports area when it assembles a draft.

export interface StatementTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface SampleStatement {
  /** Plain-language paragraphs: size per cohort, how cases were chosen, what can be generalised. */
  paragraphs: string[];
  /** Tables: cohort sizes, entry routes, sample against population on each stratifier. */
  tables: StatementTable[];
}
