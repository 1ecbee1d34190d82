/** One conformance check against the real-world files in ../shared/reference. */
export interface ConformanceResult {
  name: string;
  passed: boolean;
  /** Lines for the human summary. */
  summary: string[];
  /** Failures, each naming the file, row and reason. */
  failures: string[];
}

export type ConformanceCheck = (referenceDir: string) => Promise<ConformanceResult>;
