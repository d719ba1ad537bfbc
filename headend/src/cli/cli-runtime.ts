/**
 * What the CLI's commands run, loaded only when a command runs (`await import`): `--help`,
 * argument errors and `config print` do not load the broker, the stores or fastify.
 */
export { systemClock } from '@stb-notify/protocol';
export { writeMosquittoFiles } from '../broker/mosquitto-config';
export { startHeadend } from '../headend';
export { DataDir } from '../pki/data-dir';
export { BoxKeyLookup } from '../services/box-key-lookup';
export { ProvisioningService } from '../services/provisioning-service';
export { TokenService } from '../services/token-service';
export { openStores } from '../store/open-stores';
