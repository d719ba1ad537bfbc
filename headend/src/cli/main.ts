import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { parseNatsNode } from './nats-node-flag';
import { HeadendError } from '../errors';
import { ROLES } from '../ports/token-store';
import type { Role } from '../ports/token-store';
import { registerApiCommands } from './api-commands';
import { configFrom, role, withConfigFlags } from './config-flags';
import type { ConfigFlags } from './config-flags';

/** The commands' heavy dependencies, loaded when a command runs (see cli-runtime.ts). */
const runtime = () => import('./cli-runtime');

const program = new Command('stb-notify')
  .description('stb-notify headend: signed notices to set-top boxes over MQTT, with the service rules enforced')
  .showHelpAfterError();

withConfigFlags(
  program.command('start').description('start the headend: embedded MQTT broker, SQLite store, HTTP API'),
).action(async (o: ConfigFlags) => {
  const config = await configFrom(o);
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
    // Requests get up to 15 s to finish (http/request-drain.ts); past 30 s something hangs.
    setTimeout(() => {
      console.error('stopping took over 30 s: exiting without a clean stop');
      process.exit(1);
    }, 30_000).unref();
    await h.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
});

withConfigFlags(
  program.command('init').description('create the data directory: operator CA, broker certificate, notice-signing key'),
).action(async (o: ConfigFlags) => {
  const config = await configFrom(o);
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
).action(async (o: ConfigFlags) => {
  const { printableConfig } = await import('../config/load-config');
  console.log(JSON.stringify(printableConfig(await configFrom(o)), null, 2));
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
    const config = await configFrom(o);
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
    const config = await configFrom(o);
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
    const config = await configFrom(o);
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
    const config = await configFrom(o);
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

withConfigFlags(
  broker
    .command('nats')
    .description(
      'write a NATS cluster configuration for this headend (issue 21): per node TLS with client certificates ' +
        'mapped to users, JetStream, MQTT and the routes; a users file implementing the access rule ' +
        '(run again after registry changes, then reload every node: nats-server --signal reload=<pid>)',
    ),
)
  .requiredOption('--out <dir>', 'directory for the node configurations, users.conf and the certificates')
  .option(
    '--node <name:host:client:mqtt:route:monitor>',
    'a node and its ports, e.g. n1:10.0.0.1:4222:8883:6222:8222 (repeat for each node)',
    (v: string, all: string[]) => [...all, v],
    [] as string[],
  )
  .action(async (o: ConfigFlags & { out: string; node: string[] }) => {
    const config = await configFrom(o);
    const nodes = o.node.map(parseNatsNode);
    if (nodes.length === 0) throw new HeadendError('VALIDATION', '--node: name at least one node');
    const { DataDir, openStores, writeNatsFiles } = await runtime();
    const dataDir = new DataDir(config.dataDir);
    dataDir.init({ nowMs: Date.now(), hosts: [config.publicHost] });
    const stores = await openStores(config.database);
    try {
      const files = await writeNatsFiles(dataDir, stores.registry, { dir: o.out, nodes });
      console.log(
        `wrote ${files.join(', ')} to ${o.out}\nrun on each node: nats-server -c ${join(o.out, '<node>.conf')}`,
      );
    } finally {
      await stores.close();
    }
  });

registerApiCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as Error & { code?: string };
  console.error(e instanceof HeadendError ? `${e.code}: ${e.message}` : `error: ${e.message}`);
  process.exit(e instanceof HeadendError && e.code === 'CONFIG_INVALID' ? 2 : 1);
});
