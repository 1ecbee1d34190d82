// The rules of a line of enquiry's status: open -> exploring -> closed (with a conclusion),
// closed -> exploring to reopen (with a reason); and the conflict messages its edits share.
import type { EnquiryFocus } from '../../data/repositories/enquiry-analysis.js';
import type { LineOfEnquiry } from '../../data/repositories/lines-of-enquiry.js';
import { AppError } from '../../errors.js';
import { whenText } from '../../domain/calendar/format.js';

export type EnquiryStatus = LineOfEnquiry['status'];

const ALLOWED: Record<EnquiryStatus, EnquiryStatus[]> = {
  open: ['exploring', 'closed'],
  exploring: ['open', 'closed'],
  closed: ['exploring'],
};

export function canMove(from: EnquiryStatus, to: EnquiryStatus): boolean {
  return ALLOWED[from].includes(to);
}

export function staleLine(current: LineOfEnquiry, expected: number): AppError {
  return new AppError('CONFLICT', {
    message: `“${current.title}” was changed at ${whenText(current.updatedAt)} (now version ${current.version}; you started from version ${expected}). Reload it and try again.`,
  });
}

export function staleFocus(current: EnquiryFocus, expected: number): AppError {
  return new AppError('CONFLICT', {
    message: `What this enquiry is about was changed by ${current.updatedBy.label} at ${whenText(current.updatedAt)} (now version ${current.version}; you started from version ${expected}). Reload it and try again.`,
  });
}
