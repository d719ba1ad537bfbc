import type { StorePorts, Stores, ConnectionCounts } from '../../ports/store';
import { SqlAuditLog } from './audit-log';
import { SqlBillingStore } from './billing-store';
import { SqlDraftStore } from './draft-store';
import { SqlJobStore } from './job-store';
import { SqlNoticeStore } from './notice-store';
import { SqlRegistryStore } from './registry-store';
import type { SqlContext } from './sql-context';
import { SqlStaffStore } from './staff-store';
import { SqlTicketStore } from './ticket-store';
import { SqlTokenStore } from './token-store';

function ports(ctx: SqlContext): StorePorts {
  return {
    registry: new SqlRegistryStore(ctx),
    notices: new SqlNoticeStore(ctx),
    jobs: new SqlJobStore(ctx),
    billing: new SqlBillingStore(ctx),
    tokens: new SqlTokenStore(ctx),
    staff: new SqlStaffStore(ctx),
    audit: new SqlAuditLog(ctx),
    tickets: new SqlTicketStore(ctx),
    drafts: new SqlDraftStore(ctx),
  };
}

/** The store ports on one database (SQLite or PostgreSQL), with units of work across them. */
export function sqlStores(ctx: SqlContext, close: () => Promise<void>, connections?: () => ConnectionCounts): Stores {
  return {
    ...ports(ctx),
    transaction: (fn) =>
      ctx.inTransaction ? fn(ports(ctx)) : ctx.transact((db) => fn(ports({ ...ctx, db, inTransaction: true }))),
    ...(connections === undefined ? {} : { connections }),
    close,
  };
}
