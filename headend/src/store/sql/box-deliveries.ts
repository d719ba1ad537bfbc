import type { BoxNotice } from '../../ports/notice-store';
import { DELIVERY_COLUMNS, NOTICE_COLUMNS, toDelivery, toNotice } from './notice-rows';
import type { SqlContext } from './sql-context';

/**
 * One box's notices, newest first, each with how far it got on that box (issue 18: "the TV did
 * not show it" is answered from here). Two reads: the box's deliveries through its index, then
 * their notices by id.
 */
export async function boxNotices(ctx: SqlContext, boxId: string, limit: number): Promise<BoxNotice[]> {
  const deliveries = await ctx.db
    .selectFrom('deliveries')
    .select([...DELIVERY_COLUMNS, 'state as view'])
    .where('box_id', '=', boxId)
    .orderBy('queued_at_ms', 'desc')
    .orderBy('notice_id', 'desc')
    .limit(limit)
    .execute();
  if (deliveries.length === 0) return [];
  const notices = await ctx.db
    .selectFrom('notices')
    .select(NOTICE_COLUMNS)
    .where(
      'id',
      'in',
      deliveries.map((d) => d.notice_id),
    )
    .execute();
  const byId = new Map(notices.map((n) => [n.id, toNotice(n)]));
  return deliveries.flatMap((d) => {
    const notice = byId.get(d.notice_id);
    return notice === undefined ? [] : [{ notice, delivery: toDelivery(d) }];
  });
}
