import type { Clock } from '@stb-notify/protocol';
import { newId } from '../domain/ids';
import { HeadendError, notFound } from '../errors';
import type { Approval, ApprovalStatus, StaffMember } from '../ports/staff-store';
import type { StorePorts, Stores } from '../ports/store';
import type { PauseReason, Severity } from '../ports/ticket-store';
import type { ApiToken } from '../ports/token-store';
import type { MaintenanceRules, OutageInput } from './maintenance-rules';
import type { TicketLifecycle } from './tickets/ticket-lifecycle';
import { consumeDraft } from './consume-draft';

/** What a request asks for, by kind. */
export type ApprovalRequest =
  | { readonly kind: 'extension'; readonly ticketId: string; readonly dueAtMs: number }
  | { readonly kind: 'severity'; readonly ticketId: string; readonly severity: Severity }
  | { readonly kind: 'outage'; readonly outage: OutageInput }
  | {
      readonly kind: 'pause';
      readonly ticketId: string;
      readonly reason: PauseReason;
      readonly missing: readonly string[];
    };

/**
 * Changes that are a supervisor's decision, decided by a person (issue 16):
 *   T8 — an extension of a ticket's deadline (经上报区公司领导同意后方可延期);
 *   T1/T8 — a new severity for a ticket that has missed a deadline (its breach stays);
 *   N4 — an OUTAGE notice made by hand, which could otherwise dodge the 48 h rule for planned work;
 *   T2/T3 — a pause for force majeure or the customer's materials, after which the full limit restarts.
 * A staff member asks, with a reason; a different staff member with the supervisor role
 * approves or rejects. Both staff numbers, the reason and the note are kept on the approval,
 * in the ticket's history and in the audit log.
 */
export class Approvals {
  constructor(
    private readonly d: {
      readonly stores: Stores;
      readonly clock: Clock;
      readonly lifecycle: TicketLifecycle;
      readonly maintenance: MaintenanceRules;
    },
  ) {}

  /** The active staff member behind a token; a system's token or a leaver cannot ask or decide. */
  private async person(actor: ApiToken | undefined, doing: string): Promise<StaffMember> {
    const member =
      actor === undefined || actor.staffNo === '' ? undefined : await this.d.stores.staff.getStaff(actor.staffNo);
    if (member === undefined || member.leftAtMs !== 0) {
      throw new HeadendError('FORBIDDEN', `${doing} is done by a named staff member: use a token issued to one`);
    }
    return member;
  }

  /** `fromDraft`: the draft the request was written in (issue 18), deleted with it in one unit of work. */
  async request(
    r: ApprovalRequest,
    reason: string,
    actor: ApiToken | undefined,
    fromDraft?: string,
  ): Promise<Approval> {
    const by = await this.person(actor, 'asking for an approval');
    if (reason.trim() === '') throw new HeadendError('VALIDATION', 'an approval request needs a reason');
    const now = this.d.clock.now();
    const { subject, request } = await this.check(r, by);
    const a: Approval = {
      id: newId('ap', now),
      kind: r.kind,
      subject,
      request,
      reason,
      requestedBy: by.staffNo,
      requestedAtMs: now,
      status: 'pending',
      decidedBy: '',
      decidedAtMs: 0,
      note: '',
      result: '',
    };
    await this.d.stores.transaction(async (tx) => {
      await consumeDraft(tx, fromDraft);
      if (!(await tx.staff.insertApproval(a))) {
        throw new HeadendError('CONFLICT', `a ${r.kind} request for ${subject} is already waiting for a supervisor`);
      }
      await this.audit('approval.requested', a, by, { reason }, tx);
    });
    return a;
  }

  /** Validates a request as it is made and as it is approved (the ticket may have moved on). */
  private async check(
    r: ApprovalRequest,
    by: StaffMember,
  ): Promise<{ subject: string; request: Record<string, unknown> }> {
    switch (r.kind) {
      case 'extension': {
        const t = await this.d.lifecycle.open(r.ticketId, `staff:${by.staffNo}`);
        if (r.dueAtMs <= t.dueAtMs) throw new HeadendError('VALIDATION', 'an extension must move the deadline later');
        return { subject: t.id, request: { ticketId: t.id, dueAtMs: r.dueAtMs, fromDueAtMs: t.dueAtMs } };
      }
      case 'severity': {
        const t = await this.d.lifecycle.open(r.ticketId, `staff:${by.staffNo}`);
        if (t.kind !== 'repair') throw new HeadendError('CONFLICT', 'only repair tickets have a severity');
        return { subject: t.id, request: { ticketId: t.id, severity: r.severity, from: t.severity } };
      }
      case 'pause': {
        const t = await this.d.lifecycle.open(r.ticketId, `staff:${by.staffNo}`);
        if (t.status === 'paused') throw new HeadendError('CONFLICT', 'already paused');
        if (r.reason === 'waiting-on-materials' && r.missing.length === 0) {
          throw new HeadendError('VALIDATION', 'T3: list everything the customer still has to provide, at once');
        }
        return { subject: t.id, request: { ticketId: t.id, reason: r.reason, missing: r.missing } };
      }
      case 'outage': {
        await this.d.maintenance.requireZones(r.outage.zoneIds);
        return { subject: `outage:${[...r.outage.zoneIds].sort().join(',')}`, request: { outage: r.outage } };
      }
    }
  }

  async decide(id: string, approve: boolean, note: string, actor: ApiToken | undefined): Promise<Approval> {
    const by = await this.person(actor, 'deciding an approval');
    if (by.role !== 'supervisor') throw new HeadendError('FORBIDDEN', 'only a supervisor decides approvals');
    const a = await this.d.stores.staff.getApproval(id);
    if (a === undefined) throw notFound('approval', id);
    if (a.status !== 'pending') throw new HeadendError('CONFLICT', `approval ${id} is ${a.status}`);
    if (a.requestedBy === by.staffNo) {
      throw new HeadendError('FORBIDDEN', 'T8: the approver must be a different staff member from the requester');
    }
    const requester = await this.d.stores.staff.getStaff(a.requestedBy);
    const request = this.requestOf(a);
    if (approve) await this.check(request, by); // still valid now (refused before anything is decided)
    const now = this.d.clock.now();
    const decided = await this.d.stores.staff.decideApproval(id, {
      status: approve ? 'approved' : 'rejected',
      decidedBy: by.staffNo,
      atMs: now,
      note,
      result: approve ? 'applying' : '',
    });
    if (!decided) throw new HeadendError('CONFLICT', `approval ${id} was decided by someone else`);
    await this.audit(approve ? 'approval.approved' : 'approval.rejected', a, by, { note });
    if (!approve) return (await this.d.stores.staff.getApproval(id)) ?? a;
    const trail = {
      approvalId: a.id,
      reason: a.reason,
      requestedBy: { staffNo: a.requestedBy, name: requester?.name ?? '' },
      approvedBy: { staffNo: by.staffNo, name: by.name },
      note,
    };
    let result: string;
    try {
      result = await this.apply(request, trail, by);
    } catch (err) {
      // Decided, but the change could not be made (the ticket moved on in between): the
      // approval says so, with the refusal's own words (never an internal error's).
      const why = err instanceof HeadendError ? err.message : 'internal error';
      await this.d.stores.staff.finishApproval(id, 'failed', why);
      throw err;
    }
    await this.d.stores.staff.finishApproval(id, 'approved', result);
    return (await this.d.stores.staff.getApproval(id)) ?? a;
  }

  private requestOf(a: Approval): ApprovalRequest {
    const q = a.request;
    switch (a.kind) {
      case 'extension':
        return { kind: 'extension', ticketId: String(q.ticketId), dueAtMs: Number(q.dueAtMs) };
      case 'severity':
        return { kind: 'severity', ticketId: String(q.ticketId), severity: q.severity as Severity };
      case 'outage':
        return { kind: 'outage', outage: q.outage as OutageInput };
      case 'pause':
        return {
          kind: 'pause',
          ticketId: String(q.ticketId),
          reason: q.reason as PauseReason,
          missing: (q.missing as string[] | undefined) ?? [],
        };
    }
  }

  private async apply(r: ApprovalRequest, trail: Record<string, unknown>, by: StaffMember): Promise<string> {
    const actor = `supervisor:${by.name}#${by.staffNo}`;
    switch (r.kind) {
      case 'extension': {
        const t = await this.d.lifecycle.open(r.ticketId, actor);
        const updated = await this.d.lifecycle.applyExtension(t, r.dueAtMs, actor, trail);
        return `ticket ${updated.id} due at ${updated.dueAtMs}`;
      }
      case 'severity': {
        const t = await this.d.lifecycle.open(r.ticketId, actor);
        const updated = await this.d.lifecycle.applySeverity(t, r.severity, String(trail.reason), actor, trail);
        return `ticket ${updated.id} is ${updated.severity}, due at ${updated.dueAtMs}`;
      }
      case 'pause': {
        const t = await this.d.lifecycle.open(r.ticketId, actor);
        const updated = await this.d.lifecycle.applyPause(t, r.reason, String(trail.reason), r.missing, actor, trail);
        return `ticket ${updated.id} paused (${r.reason})`;
      }
      case 'outage': {
        const requestedBy = trail.requestedBy as { staffNo: string };
        const n = await this.d.maintenance.outage(
          r.outage,
          `staff:${requestedBy.staffNo}, approved by staff:${by.staffNo}`,
        );
        return `notice ${n.id}`;
      }
    }
  }

  private async audit(
    action: string,
    a: Approval,
    by: StaffMember,
    detail: Record<string, unknown>,
    via: StorePorts = this.d.stores,
  ) {
    await via.audit.append({
      atMs: this.d.clock.now(),
      actor: `staff:${by.staffNo}`,
      action,
      subject: a.subject,
      detail: { approvalId: a.id, kind: a.kind, request: a.request, ...detail },
    });
  }

  list(status: ApprovalStatus | undefined, limit: number): Promise<Approval[]> {
    return this.d.stores.staff.listApprovals({ ...(status === undefined ? {} : { status }), limit });
  }
}
