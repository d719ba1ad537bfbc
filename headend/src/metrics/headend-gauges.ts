import type { Clock } from '@stb-notify/protocol';
import type { Broker } from '../ports/broker';
import type { Stores } from '../ports/store';
import type { Metrics } from './metrics';

/**
 * The gauges read at scrape time: what is connected, queued and pending, and where work waits
 * (uplink messages being handled, database connections in use and waited for). A stalled
 * headend shows in the last two first: uplinks stuck in progress, callers waiting on the pool.
 */
export function addHeadendGauges(
  metrics: Metrics,
  d: {
    readonly broker: Broker;
    readonly stores: Stores;
    readonly clock: Clock;
    readonly uplinksInProgress: () => number;
  },
): void {
  const { broker, stores, clock } = d;
  metrics.addGauge({
    name: 'stb_boxes_connected',
    help: 'Boxes connected to the embedded broker',
    read: () => {
      const n = broker.connectedBoxes();
      return n === undefined ? [] : [{ labels: {}, value: n }];
    },
  });
  metrics.addGauge({
    name: 'stb_deliveries_queued',
    help: 'Unexpired deliveries not yet acknowledged by their box',
    read: async () => [{ labels: {}, value: await stores.notices.queuedCount(clock.now()) }],
  });
  metrics.addGauge({
    name: 'stb_jobs_pending',
    help: 'Scheduled jobs not yet run',
    read: async () => [{ labels: {}, value: await stores.jobs.countPending() }],
  });
  metrics.addGauge({
    name: 'stb_uplinks_in_progress',
    help: 'Uplink messages taken from the broker and not yet handled',
    read: () => [{ labels: {}, value: d.uplinksInProgress() }],
  });
  metrics.addGauge({
    name: 'stb_db_connections',
    help: 'Database pool connections, by state (in_use, idle, waiting: callers waiting for one); PostgreSQL only',
    labelNames: ['state'],
    read: () => {
      const c = stores.connections?.();
      if (c === undefined) return [];
      return [
        { labels: { state: 'in_use' }, value: c.inUse },
        { labels: { state: 'idle' }, value: c.idle },
        { labels: { state: 'waiting' }, value: c.waiting },
      ];
    },
  });
}
