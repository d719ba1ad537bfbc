import { Type } from 'typebox';
import type { Approval as ApprovalRecord } from '../../ports/staff-store';
import { describes } from './describes';
import { At, itemsOf, oneOf, openRecord } from './response-shapes';

export const Approval = describes<ApprovalRecord>()(
  Type.Object({
    id: Type.String(),
    kind: oneOf(['extension', 'severity', 'outage', 'pause'] as const),
    subject: Type.String({ description: 'the ticket, or the zones of an outage' }),
    request: openRecord('what is asked for, by kind'),
    reason: Type.String(),
    requestedBy: Type.String(),
    requestedAtMs: At,
    status: oneOf(['pending', 'approved', 'rejected', 'failed'] as const),
    decidedBy: Type.String(),
    decidedAtMs: At,
    note: Type.String(),
    result: Type.String(),
  }),
);
export const Approvals = itemsOf(Approval);
