import type { Selectable } from 'kysely';
import type { Approval, ApprovalKind, ApprovalStatus, StaffMember, StaffStore } from '../../ports/staff-store';
import type { Role } from '../../ports/token-store';
import { insertRow } from './insert-row';
import type { ApprovalsTable, StaffTable } from './schema';
import { affected } from './sql-context';
import type { SqlContext } from './sql-context';

function toStaff(r: Selectable<StaffTable>): StaffMember {
  return {
    staffNo: r.staff_no,
    name: r.name,
    phone: r.phone,
    role: r.role as Role,
    zoneId: r.zone_id,
    createdAtMs: r.created_at_ms,
    leftAtMs: r.left_at_ms,
  };
}

function toApproval(r: Selectable<ApprovalsTable>): Approval {
  return {
    id: r.id,
    kind: r.kind as ApprovalKind,
    subject: r.subject,
    request: JSON.parse(r.request_json) as Record<string, unknown>,
    reason: r.reason,
    requestedBy: r.requested_by,
    requestedAtMs: r.requested_at_ms,
    status: r.status as ApprovalStatus,
    decidedBy: r.decided_by,
    decidedAtMs: r.decided_at_ms,
    note: r.note,
    result: r.result,
  };
}

/** Staff members and the approvals they ask for and decide, on either engine. */
export class SqlStaffStore implements StaffStore {
  constructor(private readonly ctx: SqlContext) {}

  async insertStaff(s: StaffMember): Promise<boolean> {
    const row = {
      staff_no: s.staffNo,
      name: s.name,
      phone: s.phone,
      role: s.role,
      zone_id: s.zoneId,
      created_at_ms: s.createdAtMs,
      left_at_ms: s.leftAtMs,
    };
    return (await insertRow(this.ctx.dialect, this.ctx.db, 'staff', row, 'ignore')) === 1;
  }

  async getStaff(staffNo: string): Promise<StaffMember | undefined> {
    const r = await this.ctx.db.selectFrom('staff').selectAll().where('staff_no', '=', staffNo).executeTakeFirst();
    return r === undefined ? undefined : toStaff(r);
  }

  async listStaff(): Promise<StaffMember[]> {
    return (await this.ctx.db.selectFrom('staff').selectAll().orderBy('staff_no').execute()).map(toStaff);
  }

  async markLeft(staffNo: string, atMs: number): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('staff')
      .set({ left_at_ms: atMs })
      .where('staff_no', '=', staffNo)
      .where('left_at_ms', '=', 0)
      .executeTakeFirst();
    return affected(r) === 1;
  }

  async insertApproval(a: Approval): Promise<boolean> {
    const row = {
      id: a.id,
      kind: a.kind,
      subject: a.subject,
      request_json: JSON.stringify(a.request),
      reason: a.reason,
      requested_by: a.requestedBy,
      requested_at_ms: a.requestedAtMs,
      status: a.status,
    };
    return (await insertRow(this.ctx.dialect, this.ctx.db, 'approvals', row, 'ignore')) === 1;
  }

  async getApproval(id: string): Promise<Approval | undefined> {
    const r = await this.ctx.db.selectFrom('approvals').selectAll().where('id', '=', id).executeTakeFirst();
    return r === undefined ? undefined : toApproval(r);
  }

  async listApprovals(f: { status?: ApprovalStatus; limit: number }): Promise<Approval[]> {
    let q = this.ctx.db.selectFrom('approvals').selectAll();
    if (f.status !== undefined) q = q.where('status', '=', f.status);
    return (await q.orderBy('requested_at_ms').limit(f.limit).execute()).map(toApproval);
  }

  async decideApproval(
    id: string,
    d: { status: 'approved' | 'rejected'; decidedBy: string; atMs: number; note: string; result: string },
  ): Promise<boolean> {
    const r = await this.ctx.db
      .updateTable('approvals')
      .set({ status: d.status, decided_by: d.decidedBy, decided_at_ms: d.atMs, note: d.note, result: d.result })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return affected(r) === 1;
  }

  async finishApproval(id: string, status: 'approved' | 'failed', result: string): Promise<void> {
    await this.ctx.db
      .updateTable('approvals')
      .set({ status, result })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .execute();
  }
}
