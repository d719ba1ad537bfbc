import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { loadConfig, printableConfig } from '../config/load-config';
import type { HeadendConfig } from '../config/config-schema';
import { HeadendError } from '../errors';
import { ROLES } from '../ports/token-store';
import type { Role } from '../ports/token-store';
import { callApi } from './api-client';

/** The commands' heavy dependencies, loaded when a command runs (see cli-runtime.ts). */
const runtime = () => import('./cli-runtime');

interface ConfigFlags {
  config?: string;
  dataDir?: string;
  httpHost?: string;
  httpPort?: string;
  mqttsHost?: string;
  mqttsPort?: string;
  publicHost?: string;
  logLevel?: string;
  database?: string;
  brokerUrl?: string;
  brokerBoxUrl?: string;
  instance?: string;
}

function withConfigFlags(cmd: Command): Command {
  return cmd
    .option('-c, --config <file>', 'JSON config file (flags > STB_NOTIFY_* environment > file > defaults)')
    .option('--data-dir <dir>', 'data directory: certificates, keys, SQLite file (default .data)')
    .option('--http-host <host>', 'HTTP listen address (default 127.0.0.1)')
    .option('--http-port <port>', 'HTTP port: API, console, box app, MQTT over WebSocket at /mqtt (default 8480)')
    .option('--mqtts-host <host>', 'MQTT-over-TLS listen address (default 0.0.0.0)')
    .option('--mqtts-port <port>', 'MQTT-over-TLS port for boxes with certificates (default 18883)')
    .option('--public-host <host>', 'host name boxes use to reach this headend (default localhost)')
    .option('--database <path-or-url>', 'SQLite file (default <data-dir>/headend.db) or postgres://… URL')
    .option('--broker-url <url>', 'external MQTT broker, mqtts://host:port (default: the embedded broker)')
    .option('--broker-box-url <url>', 'the broker URL boxes are given (default: --broker-url)')
    .option('--instance <name>', 'this headend instance (MQTT client id stb-headend-<name>; default: host name)')
    .addOption(
      new Option('--log-level <level>', 'log level').choices([
        'fatal',
        'error',
        'warn',
        'info',
        'debug',
        'trace',
        'silent',
      ]),
    );
}

function configFrom(o: ConfigFlags): HeadendConfig {
  return loadConfig({
    ...(o.config === undefined ? {} : { file: o.config }),
    env: process.env,
    flags: {
      dataDir: o.dataDir,
      'http.host': o.httpHost,
      'http.port': o.httpPort,
      'mqtts.host': o.mqttsHost,
      'mqtts.port': o.mqttsPort,
      publicHost: o.publicHost,
      logLevel: o.logLevel,
      database: o.database,
      'broker.url': o.brokerUrl,
      'broker.boxUrl': o.brokerBoxUrl,
      'broker.instance': o.instance,
    },
  });
}

function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value as Role;
}

const program = new Command('stb-notify')
  .description('stb-notify headend: signed notices to set-top boxes over MQTT, with the service rules enforced')
  .showHelpAfterError();

withConfigFlags(
  program.command('start').description('start the headend: embedded MQTT broker, SQLite store, HTTP API'),
).action(async (o: ConfigFlags) => {
  const config = configFrom(o);
  const { startHeadend } = await runtime();
  const h = await startHeadend({ config });
  const tokenFile = join(config.dataDir, 'operator-token');
  if ((await h.stores.tokens.list()).length === 0) {
    const { token } = await h.tokens.create('bootstrap', 'operator');
    writeFileSync(tokenFile, `${token}\n`, { mode: 0o600 });
    chmodSync(tokenFile, 0o600);
    console.log(`created the first operator API token; it is in ${tokenFile}`);
  }
  console.log(`stb-notify headend is up
  API + OpenAPI:  ${h.urls.http}/api/v1   ${h.urls.http}/openapi.json
  metrics:        ${h.urls.http}/metrics
  boxes (mTLS):   ${h.urls.mqtts}
  boxes (WS):     ${h.urls.ws}
  data:           ${config.dataDir}
Stop with Ctrl-C.`);
  const stop = async (signal: string): Promise<void> => {
    console.log(`${signal}: stopping`);
    await h.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
});

withConfigFlags(
  program.command('init').description('create the data directory: operator CA, broker certificate, notice-signing key'),
).action(async (o: ConfigFlags) => {
  const config = configFrom(o);
  const { DataDir } = await runtime();
  const created = new DataDir(config.dataDir).init({ nowMs: Date.now(), hosts: [config.publicHost] });
  console.log(
    created.length === 0
      ? `${config.dataDir} is already initialised`
      : `created in ${config.dataDir}/pki: ${created.join(', ')}`,
  );
});

const config = program.command('config').description('configuration');
withConfigFlags(
  config
    .command('print')
    .description('print the effective configuration (flags > environment > file > defaults), secrets masked'),
).action((o: ConfigFlags) => {
  console.log(JSON.stringify(printableConfig(configFrom(o)), null, 2));
});

const token = program.command('token').description('operator API tokens');
withConfigFlags(token.command('create').description('create an API token (printed once)'))
  .option('--staff <staffNo>', 'issue it to this staff member (their name and role)')
  .option('--name <name>', 'who or what uses it (a system: the billing feed, a dashboard)')
  .option('--role <role>', `one of ${ROLES.join(', ')}`, role)
  .action(async (o: ConfigFlags & { staff?: string; name?: string; role?: Role }) => {
    if (o.staff === undefined && (o.name === undefined || o.role === undefined)) {
      throw new HeadendError('VALIDATION', 'give --staff <staffNo>, or --name and --role for a system token');
    }
    const config = configFrom(o);
    const { offlineServices } = await runtime();
    const { tokens, close } = await offlineServices(config, { provisioning: false });
    try {
      const { token: t, record } = await tokens.create(o.name ?? '', o.role ?? 'read-only', o.staff ?? '');
      console.log(`${t}\n(id ${record.id}, role ${record.role}; keep it secret, it is not shown again)`);
    } finally {
      await close();
    }
  });

const staff = program.command('staff').description('named staff: who asks for and who approves (issue 16)');
withConfigFlags(staff.command('add').description('add a staff member; then `token create --staff` issues their token'))
  .requiredOption('--staff-no <staffNo>', 'staff number (工号)')
  .requiredOption('--name <name>', 'full name')
  .requiredOption('--phone <phone>', 'work phone')
  .requiredOption('--role <role>', `one of ${ROLES.join(', ')}`, role)
  .option('--zone <zoneId>', 'the zone they look after (default: all)')
  .action(async (o: ConfigFlags & { staffNo: string; name: string; phone: string; role: Role; zone?: string }) => {
    const config = configFrom(o);
    const { offlineServices } = await runtime();
    const { tokens, close } = await offlineServices(config, { provisioning: false });
    try {
      const m = await tokens.addStaff(
        { staffNo: o.staffNo, name: o.name, phone: o.phone, role: o.role, zoneId: o.zone ?? '' },
        'cli',
      );
      console.log(`added ${m.staffNo} ${m.name} (${m.role})`);
    } finally {
      await close();
    }
  });

const box = program.command('box').description('set-top boxes');
withConfigFlags(
  box.command('provision').description('issue a registered box its certificate, uplink key and credential'),
)
  .argument('<boxId>', 'a box already in the registry (import it first)')
  .option('-o, --out <file>', 'write the bundle here (default <boxId>.bundle.json)')
  .action(async (boxId: string, o: ConfigFlags & { out?: string }) => {
    const config = configFrom(o);
    const { offlineServices } = await runtime();
    const { provisioning, close } = await offlineServices(config, { provisioning: true });
    try {
      const bundle = await provisioning.provision(boxId, 'cli');
      const out = o.out ?? `${boxId}.bundle.json`;
      writeFileSync(out, `${JSON.stringify(bundle, null, 2)}\n`, { mode: 0o600 });
      console.log(`wrote ${out} (private keys inside: keep it safe)`);
    } finally {
      await close();
    }
  });

function apiOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'headend base URL', process.env.STB_NOTIFY_URL ?? 'http://127.0.0.1:8480')
    .option('--token <token>', 'API token (or STB_NOTIFY_TOKEN, or <data-dir>/operator-token)');
}

function apiToken(o: { token?: string }): string {
  const t =
    o.token ??
    process.env.STB_NOTIFY_TOKEN ??
    (existsSync('.data/operator-token') ? readFileSync('.data/operator-token', 'utf8').trim() : '');
  if (t === '') throw new HeadendError('UNAUTHENTICATED', 'no API token: pass --token or set STB_NOTIFY_TOKEN');
  return t;
}

const broker = program.command('broker').description('external MQTT broker (scale-out)');
withConfigFlags(
  broker
    .command('mosquitto')
    .description(
      'write a Mosquitto configuration for this headend: TLS with client certificates from the operator CA, ' +
        'use_identity_as_username, and an ACL implementing the access rule (run again after registry changes, then SIGHUP mosquitto)',
    ),
)
  .requiredOption('--out <dir>', 'directory for mosquitto.conf, acl.conf and the certificates')
  .option('--listen-host <host>', 'Mosquitto listen address', '0.0.0.0')
  .option('--listen-port <port>', 'Mosquitto TLS port', '8883')
  .action(async (o: ConfigFlags & { out: string; listenHost: string; listenPort: string }) => {
    const config = configFrom(o);
    const port = Number(o.listenPort);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
      throw new HeadendError('VALIDATION', `--listen-port: an integer 1-65535, got ${o.listenPort}`);
    const { DataDir, openStores, writeMosquittoFiles } = await runtime();
    const dataDir = new DataDir(config.dataDir);
    dataDir.init({ nowMs: Date.now(), hosts: [config.publicHost] });
    const stores = await openStores(config.database);
    try {
      const files = await writeMosquittoFiles(dataDir, stores.registry, { dir: o.out, host: o.listenHost, port });
      console.log(`wrote ${files.join(', ')} to ${o.out}\nrun: mosquitto -c ${join(o.out, 'mosquitto.conf')}`);
    } finally {
      await stores.close();
    }
  });

const keys = program.command('keys').description('notice-signing keys');
apiOptions(
  keys
    .command('rotate')
    .description('rotate the notice-signing key on a running headend; boxes are sent the new key set'),
).action(async (o: { url: string; token?: string }) => {
  const r = await callApi(o.url, apiToken(o), 'POST', '/api/v1/keys/rotate');
  console.log(`now signing with ${String(r.activeKeyId)}`);
});

apiOptions(
  program.command('import').description('bulk-import the registry from a JSON ({zones,accounts,boxes}) or CSV file'),
)
  .argument('<file>', 'JSON, or CSV with --kind')
  .addOption(new Option('--kind <kind>', 'what the CSV holds').choices(['zones', 'accounts', 'boxes']))
  .action(async (file: string, o: { url: string; token?: string; kind?: string }) => {
    const text = readFileSync(file, 'utf8');
    const tok = apiToken(o);
    if (o.kind !== undefined) {
      const res = await fetch(new URL(`/api/v1/registry/import/${o.kind}`, o.url), {
        method: 'POST',
        headers: { authorization: `Bearer ${tok}`, 'content-type': 'text/csv' },
        body: text,
      });
      console.log(res.status, await res.text());
      if (!res.ok) process.exitCode = 1;
      return;
    }
    console.log(await callApi(o.url, tok, 'POST', '/api/v1/registry/import', JSON.parse(text) as unknown));
  });

const notice = program.command('notice').description('notices');
apiOptions(notice.command('send').description('send an announcement (N5) or outage notice'))
  .addOption(new Option('--kind <kind>', 'notice kind').choices(['ANNOUNCEMENT', 'OUTAGE']).default('ANNOUNCEMENT'))
  .option('--zone <zoneId...>', 'target zones (default: all boxes)')
  .option('--box <boxId...>', 'target boxes')
  .requiredOption('--title <zh>', 'Chinese title')
  .option('--body <zh>', 'Chinese text', '')
  .option('--title-en <en>', 'English title')
  .option('--body-en <en>', 'English text', '')
  .action(
    async (o: {
      url: string;
      token?: string;
      kind: string;
      zone?: string[];
      box?: string[];
      title: string;
      body: string;
      titleEn?: string;
      bodyEn: string;
    }) => {
      const target = o.box
        ? { type: 'boxes', boxIds: o.box }
        : o.zone
          ? { type: 'zones', zoneIds: o.zone }
          : { type: 'all' };
      const texts = [
        { lang: 'zh-CN', title: o.title, body: o.body },
        ...(o.titleEn ? [{ lang: 'en', title: o.titleEn, body: o.bodyEn }] : []),
      ];
      const r = await callApi(o.url, apiToken(o), 'POST', '/api/v1/notices', { kind: o.kind, target, texts });
      console.log(JSON.stringify(r, null, 2));
    },
  );

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as Error & { code?: string };
  console.error(e instanceof HeadendError ? `${e.code}: ${e.message}` : `error: ${e.message}`);
  process.exit(e instanceof HeadendError && e.code === 'CONFIG_INVALID' ? 2 : 1);
});
