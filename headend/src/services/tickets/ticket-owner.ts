import { HeadendError } from '../../errors';
import type { StorePorts } from '../../ports/store';

/**
 * Z3: a ticket is handed to a person who exists — a staff member who has not left, named by
 * staff number (the owner becomes "name (staff no.)", as complaints are owned), or a zone's
 * maintainer by name. A mistyped owner would leave the ticket with nobody responsible.
 */
export async function handOverTo(stores: StorePorts, to: string): Promise<string> {
  const key = to.trim();
  if (key === '') throw new HeadendError('VALIDATION', 'Z3: a ticket must always have an owner');
  const member = (await stores.staff.listStaff()).find((s) => s.staffNo === key && s.leftAtMs === 0);
  if (member !== undefined) return `${member.name} (${member.staffNo})`;
  if ((await stores.registry.listZones()).some((z) => z.maintainer === key)) return key;
  throw new HeadendError(
    'VALIDATION',
    `Z3: "${key}" is neither a staff member (by staff number) nor a zone's maintainer`,
    { to: key },
  );
}
