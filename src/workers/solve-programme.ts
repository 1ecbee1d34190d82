// What the use cases call to solve a programme: HiGHS runs in a worker thread of the pool, so a
// solve of a minute holds no request up; progress events come back as the solver sends them.
import type { ProgrammeInstance } from '../domain/programme/instance.js';
import type { ProgrammeProgress, ProgrammeSolution, SolveOptions } from './highs-solve.js';
import { runTask } from './pool.js';
import type { ProgrammeSolveInput } from './tasks.js';

export type { ProgrammeProgress, ProgrammeSolution, SolveOptions } from './highs-solve.js';

export function solveProgrammeInWorker(
  instance: ProgrammeInstance,
  options: SolveOptions,
  onProgress: (p: ProgrammeProgress) => void = () => undefined,
): Promise<ProgrammeSolution> {
  const input: ProgrammeSolveInput = { instance, options };
  return runTask<ProgrammeSolution>('programme-solve', input, {
    label: 'The programme',
    // The limit, then as long again for the diagnosis of an infeasible instance, and a margin.
    timeoutMs: (options.timeLimit * 2 + 60) * 1000,
    maxHeapMb: 2048,
    onEvent: (e) => onProgress(e as ProgrammeProgress),
  });
}
