import { systemClock } from '@stb-notify/protocol';
import type { HeadendConfig } from '../config/config-schema';
import { accountServices } from '../headend';
import { DataDir } from '../pki/data-dir';
import { BoxKeyLookup } from '../services/box-key-lookup';
import { openStores } from '../store/open-stores';

/**
 * What the CLI's commands run, loaded only when a command runs (`await import`): `--help`,
 * argument errors and `config print` do not load the broker, the stores or fastify.
 */
export { writeMosquittoFiles } from '../broker/mosquitto-config';
export { writeNatsFiles } from '../broker/nats-config';
import { boxSessionProfile } from '../broker/nats-config';
export { startHeadend } from '../headend';
export { DataDir, openStores };

/**
 * Token and provisioning services for a command run beside (or instead of) a running
 * headend, composed by the headend's own composition root (`accountServices`). The data
 * directory (the CA) is created only for provisioning, which signs with it.
 */
export async function offlineServices(config: HeadendConfig, opts: { readonly provisioning: boolean }) {
  const stores = await openStores(config.database);
  const dataDir = new DataDir(config.dataDir);
  if (opts.provisioning) dataDir.init({ nowMs: systemClock.now(), hosts: [config.publicHost] });
  const external = config.broker.url !== '';
  const services = accountServices({
    stores,
    dataDir,
    clock: systemClock,
    keys: new BoxKeyLookup(stores.registry),
    // What a running headend tells boxes (see listen()): the external broker's box URL, or this headend's ports.
    brokerUrls: () => ({
      mqtts: external ? config.broker.boxUrl : `mqtts://${config.publicHost}:${config.mqtts.port}`,
      ws: external ? '' : `ws://${config.publicHost}:${config.http.port}/mqtt`,
      ...boxSessionProfile(config.broker.nats !== ''),
    }),
  });
  return { ...services, close: () => stores.close() };
}
