// A judgement as recorded: its content (judgement-rules.ts) with who changed it last and when.
import type { JudgementContent } from './judgement-rules.js';

export interface JudgementRecord extends JudgementContent {
  judgementKey: string;
  aggregationReason: string | null;
  /** Soft rule ids the aggregation reason answers. */
  aggregationRules: string[];
  version: number;
  updatedBy: string;
  updatedAt: Date;
}
