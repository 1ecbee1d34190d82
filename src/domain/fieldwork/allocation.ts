// Allocation of sampled cases to inspectors: no two inspectors on the same case unless the lead
// marks the visit as planned jointly. A second visit by the same inspector is allowed.
import type { PlanStatus } from './vocabulary.js';

export interface AllocatedVisit {
  id: string;
  sampleCaseId: string;
  inspectorId: string;
  inspectorLabel: string;
  status: PlanStatus;
  plannedJoint: boolean;
}

export interface AllocationProblem {
  /** The other inspector already allocated to the case. */
  allocatedTo: string;
  message: string;
}

/**
 * Whether `inspectorId` may be allocated to the case given its other visits: refused when another
 * inspector has a visit to it that is not cancelled, unless this visit is planned jointly.
 */
export function allocationProblem(
  visitsOfCase: AllocatedVisit[],
  next: { inspectorId: string; plannedJoint: boolean; visitId?: string },
): AllocationProblem | null {
  if (next.plannedJoint) return null;
  const other = visitsOfCase.find(
    (v) => v.id !== next.visitId && v.status !== 'cancelled' && v.inspectorId !== next.inspectorId,
  );
  if (!other) return null;
  return {
    allocatedTo: other.inspectorLabel,
    message: `This case is already allocated to ${other.inspectorLabel}. Choose another case, or mark the visit as planned jointly.`,
  };
}
