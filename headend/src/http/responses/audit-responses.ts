import { Type } from 'typebox';
import type { AuditEntry as AuditEntryRecord } from '../../ports/audit-log';
import { describes } from './describes';
import { At, listOf, openRecord } from './response-shapes';

export const AuditEntry = describes<AuditEntryRecord>()(
  Type.Object({
    atMs: At,
    actor: Type.String(),
    action: Type.String({ description: 'e.g. notice.sent, approval.approved, token.created' }),
    subject: Type.String(),
    detail: openRecord('what was decided and why'),
  }),
);

/** A page of the audit log, newest first; `more` tells whether an older page exists. */
export const AuditPage = Type.Object({
  items: listOf(AuditEntry),
  limit: Type.Integer({ minimum: 1 }),
  offset: Type.Integer({ minimum: 0 }),
  more: Type.Boolean(),
});
