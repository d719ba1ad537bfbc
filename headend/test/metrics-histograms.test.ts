import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { SECOND } from './support/manual-clock';
import { connectBoxes, until } from './support/test-box';
import { useSeededHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';
import { report, Symptom } from './support/ticket-fixtures';

/** The value of one sample line of the Prometheus text, or undefined when absent. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Issue 20: /metrics is prom-client's, with the histograms operators watch. */
describe('/metrics after a notice round trip and a fault report', () => {
  const headend = useSeededHeadend();
  let t: TestHeadend;
  beforeEach(() => {
    t = headend();
  });

  it('exposes API, uplink, intake and publish → displayed histograms, and process metrics', async () => {
    const [box] = await connectBoxes(t, ['box-3']);
    if (box === undefined) throw new Error('no box');
    const sent = await t.api('POST', '/api/v1/notices', {
      kind: 'ANNOUNCEMENT',
      target: { type: 'boxes', boxIds: ['box-3'] },
      texts: [{ lang: 'zh-CN', title: '通知', body: '内容' }],
    });
    expect(sent.status).toBe(201);
    const id = (sent.body.notice as { id: string }).id;
    await until(() => t.h.metrics.receipts.get({ state: 'delivered' }) === 1, 'delivered receipt handled');
    t.clock.advance(2 * SECOND); // the box shows it two seconds (on the shared clock) after it was sent
    await box.receipt(id, 'displayed');
    await until(() => t.h.metrics.receipts.get({ state: 'displayed' }) === 1, 'displayed receipt handled');
    await box.send('fault', { faultReport: report('rep-m', Symptom.SYMPTOM_NO_SIGNAL) });
    await until(() => t.h.metrics.ticketsIntake.get({ outcome: 'opened' }) === 1, 'the report became a ticket');
    await t.h.settle();

    const res = await t.h.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.body;
    expect(sample(text, 'stb_notice_display_seconds_count', '{kind="ANNOUNCEMENT"}')).toBe(1);
    // The two seconds the clock moved fall in the (1, 2.5] bucket: not in le="1", in le="2.5".
    expect(sample(text, 'stb_notice_display_seconds_bucket', '{le="1",kind="ANNOUNCEMENT"}')).toBe(0);
    expect(sample(text, 'stb_notice_display_seconds_bucket', '{le="2.5",kind="ANNOUNCEMENT"}')).toBe(1);
    expect(sample(text, 'stb_api_request_seconds_count', '{method="POST",route="/api/v1/notices",status="201"}')).toBe(
      1,
    );
    expect(sample(text, 'stb_uplink_handling_seconds_count', '{kind="receipt"}')).toBe(2);
    expect(sample(text, 'stb_ticket_intake_seconds_count')).toBe(1);
    expect(sample(text, 'stb_receipts_total', '{state="displayed"}')).toBe(1);
    expect(sample(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(sample(text, 'stb_deliveries_queued')).toBeTypeOf('number'); // a gauge read at scrape time
    // Settled: no uplink message is left half handled (a stalled headend shows a count here).
    expect(sample(text, 'stb_uplinks_in_progress')).toBe(0);
    // Every series the Grafana dashboard queries is one the headend exposes.
    const dashboard = readFileSync(
      fileURLToPath(new URL('../../docs/grafana-dashboard.json', import.meta.url)),
      'utf8',
    );
    const queried = new Set(dashboard.match(/\b(?:stb|process|nodejs)_[a-z0-9_]+/g) ?? []);
    expect(queried.size).toBeGreaterThan(10);
    for (const name of queried) expect(text, name).toContain(name);
    await box.disconnect();
  });
});
