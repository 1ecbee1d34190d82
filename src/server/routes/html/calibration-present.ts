// How the calibration pages lay figures out: summary-list rows of an agreement with the reference
// grades, and table rows by region or quarter where a withheld group says why.
import type { GroupFigures, ReferenceAgreement } from '../../../domain/calibration/agreement.js';
import { alphaText, shareText } from '../../../domain/calibration/figures-text.js';

/** Summary-list rows for an agreement with the reference grades. */
export function agreementRows(
  a: ReferenceAgreement,
): { key: { text: string }; value: { text: string } }[] {
  return [
    { key: { text: 'Same grade as the reference' }, value: { text: shareText(a.exact) } },
    { key: { text: 'Within one grade of the reference' }, value: { text: shareText(a.withinOne) } },
    { key: { text: "Krippendorff's alpha (ordinal)" }, value: { text: alphaText(a.alpha) } },
    {
      key: { text: 'Ratings above and below the reference' },
      value: { text: `${a.higher} more generous, ${a.lower} more severe` },
    },
    {
      key: { text: 'Ratings counted' },
      value: {
        text: `${a.ratings} ratings by ${a.inspectors} ${a.inspectors === 1 ? 'inspector' : 'inspectors'}`,
      },
    },
  ];
}

/** Table rows for agreement by group (region or quarter); small groups withheld. */
export function groupRows(
  groups: GroupFigures[],
  minimum: number,
): { text: string; colspan?: number; format?: string }[][] {
  return groups.map((g) =>
    g.agreement
      ? [
          { text: g.group },
          { text: String(g.inspectors), format: 'numeric' },
          { text: String(g.agreement.ratings) },
          { text: shareText(g.agreement.exact) },
          { text: shareText(g.agreement.withinOne) },
          { text: alphaText(g.agreement.alpha) },
        ]
      : [
          { text: g.group },
          { text: String(g.inspectors), format: 'numeric' },
          { text: `Not shown: fewer than ${minimum} inspectors`, colspan: 4 },
        ],
  );
}
