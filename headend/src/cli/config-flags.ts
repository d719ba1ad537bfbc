import { InvalidArgumentError, Option } from 'commander';
import type { Command } from 'commander';
import type { HeadendConfig } from '../config/config-schema';
import { ROLES } from '../ports/token-store';
import type { Role } from '../ports/token-store';

/** The configuration flags every command that opens the data directory takes. */
export interface ConfigFlags {
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

export function withConfigFlags(cmd: Command): Command {
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

/**
 * The effective configuration for a command. The schema (TypeBox) is loaded here, when a command
 * runs, so `stb-notify --help` and argument errors stay fast (issue 20: ≤ 0.5 s).
 */
export async function configFrom(o: ConfigFlags): Promise<HeadendConfig> {
  const { loadConfig } = await import('../config/load-config');
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

export function role(value: string): Role {
  if (!(ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${ROLES.join(', ')}`);
  return value as Role;
}
