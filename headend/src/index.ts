export { loadConfig, CONFIG_DEFAULTS } from './config/load-config';
export type { HeadendConfig } from './config/config-schema';
export { startHeadend } from './headend';
export type { Headend, HeadendOptions } from './headend';
export type { ProvisioningResult } from './services/provisioning-service';
