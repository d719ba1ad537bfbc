import { Approvals } from './services/approvals';
import { ZoneContact } from './services/zone-contact';
import type { AddressInfo } from 'node:net';
import { systemClock } from '@stb-notify/protocol';
import type { Clock, Signer } from '@stb-notify/protocol';
import { activeSigner, createNodeVerifier, ed25519Backend } from '@stb-notify/protocol/node';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { Logger } from 'pino';
import { BoxAuthenticator } from './services/box-authenticator';
import { EmbeddedAedesBroker } from './broker/embedded-aedes-broker';
import { ExternalMqttBroker } from './broker/external-mqtt-broker';
import { NatsClusterBroker } from './broker/nats-cluster-broker';
import { boxSessionProfile } from './broker/nats-config';
import type { BrokerUrls } from './services/provisioning-service';
import type { HeadendConfig } from './config/config-schema';
import { NoticeTexts } from './domain/notice-texts';
import type { ApiContext } from './http/api-context';
import { createHttpApp, registerApi } from './http/build-app';
import { RequestDrain } from './http/request-drain';
import { Metrics } from './metrics/metrics';
import { addHeadendGauges } from './metrics/headend-gauges';
import { DataDir, HEADEND_IDENTITY } from './pki/data-dir';
import type { Broker } from './ports/broker';
import type { Stores } from './ports/store';
import { BillingRules } from './services/billing-rules';
import { BoxKeyLookup } from './services/box-key-lookup';
import { BoxReads } from './services/box-reads';
import { publishKeySet } from './services/key-set-publisher';
import { MaintenanceRules } from './services/maintenance-rules';
import { NoticeService } from './services/notice-service';
import { ProvisioningService } from './services/provisioning-service';
import { ReceiptBatcher } from './services/receipt-batcher';
import { presenceWriter } from './services/presence-writer';
import { resendUnanswered } from './services/unanswered-resend';
import { Scheduler } from './services/scheduler';
import { createTicketServices } from './services/tickets/ticket-services';
import { TokenService } from './services/token-service';
import { registerUplinkHandlers } from './services/uplink/register-uplink-handlers';
import { UplinkRouter } from './services/uplink-router';
import { openStores } from './store/open-stores';
import { LISTEN_BACKLOG } from './broker/listen-backlog';

export interface HeadendOptions {
  readonly config: HeadendConfig;
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Override the store (tests, PostgreSQL); default: SQLite at config.database. */
  readonly stores?: Stores;
  /** false: the scheduler does not tick by itself (tests call scheduler.runDue()). */
  readonly schedulerTick?: boolean;
}

export interface Headend extends ApiContext {
  readonly app: FastifyInstance;
  readonly scheduler: Scheduler;
  readonly receipts: ReceiptBatcher;
  readonly uplink: UplinkRouter;
  readonly dataDir: DataDir;
  readonly log: Logger;
  /** Where it listens (ports resolved when configured as 0). */
  readonly urls: { readonly http: string; readonly mqtts: string; readonly ws: string };
  /** Waits until every uplink message received so far is handled and stored. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/** A headend wired but not yet listening on HTTP (the embedded broker's TLS port is already open). */
export interface BuiltHeadend extends Headend {
  /** Starts HTTP, resolves `urls`, starts the scheduler and publishes what a previous process left unpublished. */
  listen(): Promise<void>;
}

/** Composition root, then listen: what `stb-notify start` and the tests run. */
export async function startHeadend(opts: HeadendOptions): Promise<Headend> {
  const h = await buildHeadend(opts);
  await h.listen();
  return h;
}

/**
 * The services an offline command needs (tokens, provisioning), composed as the running
 * headend composes them: the CLI does not wire services itself.
 */
export function accountServices(d: {
  readonly stores: Stores;
  readonly dataDir: DataDir;
  readonly clock: Clock;
  readonly keys: BoxKeyLookup;
  readonly brokerUrls: () => BrokerUrls;
  readonly registryChanged?: () => Promise<void>;
}): { readonly tokens: TokenService; readonly provisioning: ProvisioningService } {
  return {
    tokens: new TokenService(d.stores, d.clock),
    provisioning: new ProvisioningService({
      stores: d.stores,
      dataDir: d.dataDir,
      clock: d.clock,
      keys: d.keys,
      brokerUrls: d.brokerUrls,
      ...(d.registryChanged === undefined ? {} : { registryChanged: d.registryChanged }),
    }),
  };
}

/** Composition root: wires the store, broker, services and HTTP app; `listen()` starts serving. */
export async function buildHeadend(opts: HeadendOptions): Promise<BuiltHeadend> {
  const { config } = opts;
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? pino({ level: config.logLevel, base: { svc: 'stb-headend' } });
  const dataDir = new DataDir(config.dataDir);
  const created = dataDir.init({ nowMs: clock.now(), hosts: [config.publicHost] });
  if (created.length > 0) log.info({ created, dir: dataDir.pkiDir }, 'initialised data directory');
  const onConnectionError = (err: Error) => log.warn({ err: err.message }, 'database connection lost; replaced');
  const stores = opts.stores ?? (await openStores(config.database, { onConnectionError }));
  const metrics = new Metrics();
  let signer: Signer = activeSigner(dataDir.noticeKeys());

  const urls = { http: '', mqtts: '', ws: '' };
  const texts = new NoticeTexts(config.timeZone, config.hotline);
  const app = createHttpApp(log);
  const drain = new RequestDrain(app);
  const external = config.broker.url !== '';
  const tlsClient = { ...dataDir.headendClient(clock.now()), caPem: dataDir.ca().certPem };
  const natsServers = config.broker.nats === '' ? [] : config.broker.nats.split(',');
  // Connects and uplinks that come together read their boxes together (issue 19).
  const boxReads = new BoxReads(stores.registry);
  const broker: Broker & { readonly mqttsPort?: number } =
    natsServers.length > 0
      ? await NatsClusterBroker.connect({
          natsServers,
          mqttUrls: config.broker.url.split(','),
          tls: tlsClient,
          instance: config.broker.instance,
          group: config.broker.group,
          replicas: natsServers.length,
          ackWaitMs: config.broker.redeliverAfterSeconds * 1000,
          log,
          ...(config.broker.natsUsersFile === ''
            ? {}
            : {
                users: {
                  registry: stores.registry,
                  usersFile: config.broker.natsUsersFile,
                  pidFiles: config.broker.natsPidFiles.split(',').flatMap((f) => (f.trim() === '' ? [] : [f.trim()])),
                },
              }),
        })
      : external
        ? await ExternalMqttBroker.connect({
            url: config.broker.url,
            tls: tlsClient,
            clientId: `${HEADEND_IDENTITY}-${config.broker.instance}`,
            group: config.broker.group,
            log,
          })
        : await EmbeddedAedesBroker.start({
            tls: { ...dataDir.server(), caPem: dataDir.ca().certPem },
            mqtts: config.mqtts,
            httpServer: app.server,
            wsPath: '/mqtt',
            authenticator: new BoxAuthenticator(boxReads),
            log,
            onRefused: (what, reason) => metrics.brokerRefused.inc({ what, reason }),
          });
  const notices = new NoticeService({
    stores,
    broker,
    clock,
    signer: () => signer,
    metrics,
    log,
    hotline: config.hotline,
    noticeTtlMs: config.rules.noticeTtlHours * 3_600_000,
  });
  const scheduler = new Scheduler(stores.jobs, clock, metrics, log);
  // Issue 15: what a decision committed but did not publish (a crash, a broker outage) goes out.
  scheduler.addSweep(() => notices.sweepOutbox());
  scheduler.addSweep(() => resendUnanswered({ notices, store: stores.notices, clock, metrics, log })); // N2 proof
  const billing = new BillingRules({ stores, notices, scheduler, clock, texts, metrics, log, rules: config.rules });
  const maintenance = new MaintenanceRules({ stores, notices, scheduler, clock, texts, metrics, rules: config.rules });
  const keys = new BoxKeyLookup(boxReads);
  const { provisioning, tokens } = accountServices({
    stores,
    dataDir,
    clock,
    keys,
    brokerUrls: () => ({ mqtts: urls.mqtts, ws: urls.ws, ...boxSessionProfile(natsServers.length > 0) }),
    registryChanged: async () => broker.registryChanged?.(),
  });
  const receipts = new ReceiptBatcher(stores.notices, log);
  // libsodium verifies on this thread; the thread pool is for Node's crypto, where libsodium does not load.
  const uplink = new UplinkRouter({ keys, verifier: createNodeVerifier({ threadPool: true }), clock, metrics, log });

  const tickets = createTicketServices({
    stores,
    notices,
    maintenance,
    scheduler,
    clock,
    metrics,
    log,
    cfg: config.tickets,
    timeZone: config.timeZone,
    hotline: config.hotline,
  });
  scheduler.addSweep(() => tickets.lifecycle.settleFirstReplies()); // T6: replies that reached their box
  registerUplinkHandlers(uplink, { receipts, tickets, notices, registry: stores.registry, metrics, clock });

  async function rotateNoticeKey(): Promise<string> {
    const { after } = dataDir.rotateNoticeKeys(clock.now());
    await publishKeySet(broker, after, clock);
    signer = activeSigner(after);
    return after.activeKeyId;
  }
  // After a restart (or a rotation from the CLI) boxes that were off still learn the keys.
  const keySet = dataDir.noticeKeys();
  if (keySet.keys.length > 1) await publishKeySet(broker, keySet, clock);

  const ctx: ApiContext = {
    config,
    clock,
    stores,
    broker,
    metrics,
    notices,
    billing,
    maintenance,
    provisioning,
    tokens,
    tickets,
    approvals: new Approvals({ stores, clock, lifecycle: tickets.lifecycle, maintenance }),
    zoneContact: new ZoneContact({ stores, notices, clock, supervisionPhone: config.supervisionPhone }),
    texts,
    rotateNoticeKey,
  };
  registerApi(app, ctx);
  const inflight = new Set<Promise<void>>();
  broker.onUplink((topic, payload) => {
    const p = uplink.handle(topic, payload);
    const tracked = p.then(() => undefined);
    inflight.add(tracked);
    void tracked.finally(() => inflight.delete(tracked));
    return p;
  });
  broker.onPresence(presenceWriter({ registry: stores.registry, clock, log }));
  addHeadendGauges(metrics, { broker, stores, clock, uplinksInProgress: () => inflight.size });

  async function listen(): Promise<void> {
    await app.listen({ host: config.http.host, port: config.http.port, backlog: LISTEN_BACKLOG });
    const httpPort = (app.server.address() as AddressInfo).port;
    const host = config.publicHost;
    urls.http = `http://${host}:${httpPort}`;
    // With an external broker, boxes connect to it (broker.boxUrl); there is no /mqtt here.
    urls.ws = external ? '' : `ws://${host}:${httpPort}/mqtt`;
    urls.mqtts = external ? config.broker.boxUrl : `mqtts://${host}:${broker.mqttsPort ?? 0}`;
    if (opts.schedulerTick !== false) scheduler.start();
    // Left unpublished by the previous process (killed between commit and publish).
    await notices.sweepOutbox();
    log.info({ ...urls, ed25519: ed25519Backend }, 'headend listening');
  }

  let closing: Promise<void> | undefined;
  const settle = async (): Promise<void> => {
    while (inflight.size > 0) await Promise.all([...inflight]);
    await receipts.flush();
    await notices.flushMarks();
  };

  return {
    ...ctx,
    app,
    scheduler,
    receipts,
    uplink,
    dataDir,
    log,
    urls,
    settle,
    rotateNoticeKey,
    listen,
    close() {
      // Once, however often asked (SIGINT then SIGTERM).
      closing ??= (async () => {
        await scheduler.stop();
        // Requests in flight publish through the broker: they finish before it closes.
        const { left } = await drain.drain();
        if (left > 0)
          log.warn({ left }, 'stopping with requests still in flight: what they send goes out at the next start');
        await settle();
        await broker.close();
        if (left > 0) app.server.closeAllConnections();
        await app.close();
        await stores.close();
      })();
      return closing;
    },
  };
}
