import { HeadendError, notFound } from '../../errors';
import { Outgoing } from '../notice-input';
import type { TicketDeps } from './ticket-deps';

const FINISHED = new Set(['resolved', 'closed']);

/**
 * The outage is over: every linked ticket is resolved (each with its follow-up, T4), then the
 * incident is closed and its OUTAGE notice withdrawn in one unit of work. In that order, so a
 * crash part-way leaves the incident open and resolving it again finishes the rest — never a
 * closed incident with tickets nobody will resolve.
 */
export async function resolveIncident(
  d: TicketDeps,
  resolveTicket: (ticketId: string) => Promise<unknown>,
  id: string,
  actor: string,
): Promise<{ resolvedTickets: number }> {
  const incident = await d.stores.tickets.getIncident(id);
  if (incident === undefined) throw notFound('incident', id);
  if (incident.status !== 'open') throw new HeadendError('CONFLICT', `incident ${id} is already resolved`);
  const open = async () =>
    (await d.stores.tickets.list({ incidentId: id, limit: 100_000, offset: 0 })).items.filter(
      (t) => !FINISHED.has(t.status),
    );
  let resolvedTickets = 0;
  const resolveAll = async () => {
    for (const t of await open()) {
      await resolveTicket(t.id);
      resolvedTickets++;
    }
  };
  await resolveAll();
  const now = d.clock.now();
  const out = new Outgoing();
  await d.stores.transaction(async (tx) => {
    await tx.tickets.updateIncident(id, { status: 'resolved', resolvedAtMs: now });
    if (incident.noticeId === '' || (await tx.notices.get(incident.noticeId))?.status !== 'sent') return;
    await d.notices.stageCancel(tx, incident.noticeId, 'outage over', actor, out);
  });
  await d.notices.dispatch(out.items, out.prepared);
  // Tickets linked to it while the others were being resolved: the outage is over for them too.
  await resolveAll();
  return { resolvedTickets };
}
