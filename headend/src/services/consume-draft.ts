import { HeadendError } from '../errors';
import type { StorePorts } from '../ports/store';

/**
 * Issue 18: the draft a decision was written in goes in the decision's own unit of work. A
 * draft sent or deleted meanwhile (another operator, another tab) refuses the decision, so one
 * draft never becomes two notices, two planned works or two suspensions.
 */
export async function consumeDraft(tx: StorePorts, draftId: string | undefined): Promise<void> {
  if (draftId !== undefined && !(await tx.drafts.delete(draftId)))
    throw new HeadendError('CONFLICT', `draft ${draftId} was sent or deleted already`, { draftId });
}
