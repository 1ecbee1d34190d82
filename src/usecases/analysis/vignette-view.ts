// A vignette as shown: the passage, its report wording and the anonymisation check of whichever
// goes in the report, with each finding's position in that text and, for the passage, in the
// whole record.
import type { Vignette } from '../../data/repositories/vignettes.js';
import {
  anonymisationSummary,
  findIdentifiers,
  type Finding,
} from '../../domain/analysis/anonymisation.js';

export interface VignetteView extends Vignette {
  /** The record was edited since the passage was marked (its text there differs). */
  evidenceChanged: boolean;
  anonymisation: {
    /** Which text was checked: the report wording when there is one, else the passage. */
    checked: 'reportText' | 'passage';
    findings: Array<Finding & { recordStart: number | null; recordEnd: number | null }>;
    /** Findings of high confidence (names after titles, dates of birth, postcodes...). */
    high: number;
    summary: string;
  };
}

export function checkedText(v: Pick<Vignette, 'reportText' | 'spanText'>): {
  checked: 'reportText' | 'passage';
  text: string;
} {
  return v.reportText
    ? { checked: 'reportText', text: v.reportText }
    : { checked: 'passage', text: v.spanText };
}

export function presentVignette(v: Vignette): VignetteView {
  const { checked, text } = checkedText(v);
  const findings = findIdentifiers(text).map((f) => ({
    ...f,
    recordStart: checked === 'passage' ? v.start + f.start : null,
    recordEnd: checked === 'passage' ? v.start + f.end : null,
  }));
  return {
    ...v,
    evidenceChanged: v.currentText !== v.spanText,
    anonymisation: {
      checked,
      findings,
      high: findings.filter((f) => f.confidence === 'high').length,
      summary: anonymisationSummary(findings),
    },
  };
}
