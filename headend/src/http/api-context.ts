import type { Clock } from '@stb-notify/protocol';
import type { HeadendConfig } from '../config/config-schema';
import type { NoticeTexts } from '../domain/notice-texts';
import type { Metrics } from '../metrics/metrics';
import type { Broker } from '../ports/broker';
import type { Stores } from '../ports/store';
import type { Approvals } from '../services/approvals';
import type { BillingRules } from '../services/billing-rules';
import type { MaintenanceRules } from '../services/maintenance-rules';
import type { NoticeService } from '../services/notice-service';
import type { ProvisioningService } from '../services/provisioning-service';
import type { TicketServices } from '../services/tickets/ticket-services';
import type { TokenService } from '../services/token-service';
import type { ZoneContact } from '../services/zone-contact';

/** What the HTTP routes may use. Built by the composition root (headend.ts). */
export interface ApiContext {
  readonly config: HeadendConfig;
  readonly clock: Clock;
  readonly stores: Stores;
  readonly broker: Broker;
  readonly metrics: Metrics;
  readonly notices: NoticeService;
  readonly billing: BillingRules;
  readonly maintenance: MaintenanceRules;
  readonly provisioning: ProvisioningService;
  readonly tokens: TokenService;
  readonly tickets: TicketServices;
  readonly approvals: Approvals;
  readonly zoneContact: ZoneContact;
  /** The texts the rules write (N1–N4), for previews of what they will write. */
  readonly texts: NoticeTexts;
  /** Rotates the notice-signing key and sends boxes the new key set; returns the new key id. */
  readonly rotateNoticeKey: () => Promise<string>;
}
