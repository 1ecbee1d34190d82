// A MIP in HiGHS's CSR form, built column by column and row by row; shared by the full model
// (model.ts) and the two-stage models (schedule-model.ts, team-model.ts).
/** The model as HiGHS takes it (CSR rows), with what each column means. */
export interface MipModel {
  numCols: number;
  numRows: number;
  colCost: number[];
  colLower: number[];
  colUpper: number[];
  integrality: number[];
  rowLower: number[];
  rowUpper: number[];
  starts: number[];
  indices: number[];
  values: number[];
}

export const ELASTIC_PENALTY = 10_000;
export const INF = 1e30;

export class Builder<C = unknown> {
  columns: C[] = [];
  mip: MipModel = {
    numCols: 0,
    numRows: 0,
    colCost: [],
    colLower: [],
    colUpper: [],
    integrality: [],
    rowLower: [],
    rowUpper: [],
    starts: [0],
    indices: [],
    values: [],
  };
  rowGroups: Record<string, number> = {};
  constructor(
    readonly elastic: boolean,
    /** The column that stands for a slack of a row group (elastic mode only). */
    private readonly slackColumn: (group: string, detail: string) => C = () => {
      throw new Error('an elastic model needs slack columns');
    },
  ) {}

  col(c: C, cost: number, upper = 1, integer = true, lower = 0): number {
    this.columns.push(c);
    const m = this.mip;
    m.colCost.push(cost);
    m.colLower.push(lower);
    m.colUpper.push(upper);
    m.integrality.push(integer ? 1 : 0);
    return m.numCols++;
  }

  /**
   * lo <= sum <= hi. In elastic mode a slack on the side that can be broken: `slack` +1 relaxes
   * an upper bound, -1 a lower bound, 0 both (two slacks).
   */
  row(
    group: string,
    detail: string,
    lo: number,
    hi: number,
    terms: [number, number][],
    firm = false,
  ): void {
    if (terms.length === 0 && lo <= 0 && hi >= 0) return;
    const all = [...terms];
    if (this.elastic && !firm) {
      if (hi < INF)
        all.push([this.col(this.slackColumn(group, detail), ELASTIC_PENALTY, INF, false), -1]);
      if (lo > -INF)
        all.push([this.col(this.slackColumn(group, detail), ELASTIC_PENALTY, INF, false), 1]);
    }
    // HiGHS refuses a repeated column in a row: add duplicates up.
    const merged = new Map<number, number>();
    for (const [c, v] of all) merged.set(c, (merged.get(c) ?? 0) + v);
    const m = this.mip;
    for (const [c, v] of merged) {
      m.indices.push(c);
      m.values.push(v);
    }
    m.starts.push(m.indices.length);
    m.rowLower.push(lo);
    m.rowUpper.push(hi);
    m.numRows += 1;
    this.rowGroups[group] = (this.rowGroups[group] ?? 0) + 1;
  }
}
