/**
 * The API's answers as TypeScript types, from the response schemas the routes declare (the
 * same schemas serialize the answers and describe them in /openapi.json). The console and the
 * CLI import these with `import type`: a field changed in a schema fails their type check, and
 * nothing of the headend enters the console's bundle.
 *
 *   import type { Ticket } from '@stb-notify/headend/api-types';
 */
import type { Static } from 'typebox';
import type { Approval as ApprovalSchema, Approvals as ApprovalsSchema } from './approval-responses';
import type { AuditEntry as AuditEntrySchema, AuditPage as AuditPageSchema } from './audit-responses';
import type {
  Payment as PaymentSchema,
  Payments as PaymentsSchema,
  Suspension as SuspensionSchema,
  Suspensions as SuspensionsSchema,
  Restore as RestoreSchema,
  RestoreRow as RestoreRowSchema,
  Restores as RestoresSchema,
  PaymentOutcome as PaymentOutcomeSchema,
  InvoiceReminders as InvoiceRemindersSchema,
  SuspensionProof as SuspensionProofSchema,
  BoxPayments as BoxPaymentsSchema,
} from './billing-responses';
import type {
  Draft as DraftSchema,
  DraftContent as DraftContentSchema,
  DraftPage as DraftPageSchema,
} from './draft-responses';
import type { ErrorBody as ErrorBodySchema } from './error-responses';
import type {
  Z2Targets as Z2TargetsSchema,
  ZoneMonthFigures as ZoneMonthFiguresSchema,
  ZoneFigures as ZoneFiguresSchema,
  ZoneYearFigures as ZoneYearFiguresSchema,
  ZoneYearSummary as ZoneYearSummarySchema,
} from './figures-responses';
import type {
  NoticeText as NoticeTextSchema,
  NoticeTarget as NoticeTargetSchema,
  Notice as NoticeSchema,
  DeliveryCounts as DeliveryCountsSchema,
  NoticeStatus as NoticeStatusSchema,
  PlannedMaintenance as PlannedMaintenanceSchema,
  CancelledNotice as CancelledNoticeSchema,
  Delivery as DeliverySchema,
  DeliveryPage as DeliveryPageSchema,
  DeliverySummary as DeliverySummarySchema,
  NoticeListItem as NoticeListItemSchema,
  NoticePage as NoticePageSchema,
  BoxNotice as BoxNoticeSchema,
  BoxNotices as BoxNoticesSchema,
  ZoneReachRow as ZoneReachRowSchema,
  Reach as ReachSchema,
  DraftTexts as DraftTextsSchema,
  NoticeProgress as NoticeProgressSchema,
} from './notice-responses';
import type { PresenceHistory as PresenceHistorySchema } from './presence-responses';
import type { Health as HealthSchema, OpenApiDocument as OpenApiDocumentSchema } from './ops-responses';
import type {
  Zone as ZoneSchema,
  Zones as ZonesSchema,
  Account as AccountSchema,
  AccountPage as AccountPageSchema,
  PublicBox as PublicBoxSchema,
  BoxPage as BoxPageSchema,
  AccountDetail as AccountDetailSchema,
  ImportCounts as ImportCountsSchema,
  Provisioning as ProvisioningSchema,
  Provisionings as ProvisioningsSchema,
} from './registry-responses';
import type { RuleVerdict as RuleVerdictSchema } from './rule-verdict-responses';
import type {
  StaffMember as StaffMemberSchema,
  StaffMembers as StaffMembersSchema,
  StaffLeft as StaffLeftSchema,
  ZoneMaintainerAssigned as ZoneMaintainerAssignedSchema,
} from './staff-responses';
import type {
  Ticket as TicketSchema,
  TicketListItem as TicketListItemSchema,
  TicketPage as TicketPageSchema,
  TicketEvent as TicketEventSchema,
  DiagnosticLimits as DiagnosticLimitsSchema,
  TicketDetail as TicketDetailSchema,
  Escalation as EscalationSchema,
  Escalations as EscalationsSchema,
  Tickets as TicketsSchema,
  Incident as IncidentSchema,
  Incidents as IncidentsSchema,
  IncidentResolved as IncidentResolvedSchema,
  Callback as CallbackSchema,
  Callbacks as CallbacksSchema,
} from './ticket-responses';
import type {
  ApiToken as ApiTokenSchema,
  ApiTokens as ApiTokensSchema,
  CreatedToken as CreatedTokenSchema,
  RevokedToken as RevokedTokenSchema,
  KeyRotation as KeyRotationSchema,
  Me as MeSchema,
} from './token-responses';

export type Approval = Static<typeof ApprovalSchema>;
export type Approvals = Static<typeof ApprovalsSchema>;
export type AuditEntry = Static<typeof AuditEntrySchema>;
export type AuditPage = Static<typeof AuditPageSchema>;
export type Payment = Static<typeof PaymentSchema>;
export type Payments = Static<typeof PaymentsSchema>;
export type Suspension = Static<typeof SuspensionSchema>;
export type Suspensions = Static<typeof SuspensionsSchema>;
export type Restore = Static<typeof RestoreSchema>;
export type RestoreRow = Static<typeof RestoreRowSchema>;
export type Restores = Static<typeof RestoresSchema>;
export type PaymentOutcome = Static<typeof PaymentOutcomeSchema>;
export type InvoiceReminders = Static<typeof InvoiceRemindersSchema>;
export type SuspensionProof = Static<typeof SuspensionProofSchema>;
export type BoxPayments = Static<typeof BoxPaymentsSchema>;
export type Draft = Static<typeof DraftSchema>;
export type DraftContent = Static<typeof DraftContentSchema>;
export type DraftPage = Static<typeof DraftPageSchema>;
export type ErrorBody = Static<typeof ErrorBodySchema>;
export type Z2Targets = Static<typeof Z2TargetsSchema>;
export type ZoneMonthFigures = Static<typeof ZoneMonthFiguresSchema>;
export type ZoneFigures = Static<typeof ZoneFiguresSchema>;
export type ZoneYearFigures = Static<typeof ZoneYearFiguresSchema>;
export type ZoneYearSummary = Static<typeof ZoneYearSummarySchema>;
export type NoticeText = Static<typeof NoticeTextSchema>;
export type NoticeTarget = Static<typeof NoticeTargetSchema>;
export type Notice = Static<typeof NoticeSchema>;
export type DeliveryCounts = Static<typeof DeliveryCountsSchema>;
export type NoticeStatus = Static<typeof NoticeStatusSchema>;
export type PlannedMaintenance = Static<typeof PlannedMaintenanceSchema>;
export type CancelledNotice = Static<typeof CancelledNoticeSchema>;
export type Delivery = Static<typeof DeliverySchema>;
export type DeliveryPage = Static<typeof DeliveryPageSchema>;
export type DeliverySummary = Static<typeof DeliverySummarySchema>;
export type NoticeListItem = Static<typeof NoticeListItemSchema>;
export type NoticePage = Static<typeof NoticePageSchema>;
export type BoxNotice = Static<typeof BoxNoticeSchema>;
export type BoxNotices = Static<typeof BoxNoticesSchema>;
export type ZoneReachRow = Static<typeof ZoneReachRowSchema>;
export type Reach = Static<typeof ReachSchema>;
export type DraftTexts = Static<typeof DraftTextsSchema>;
export type NoticeProgress = Static<typeof NoticeProgressSchema>;
export type PresenceHistory = Static<typeof PresenceHistorySchema>;
export type Health = Static<typeof HealthSchema>;
export type OpenApiDocument = Static<typeof OpenApiDocumentSchema>;
export type Zone = Static<typeof ZoneSchema>;
export type Zones = Static<typeof ZonesSchema>;
export type Account = Static<typeof AccountSchema>;
export type AccountPage = Static<typeof AccountPageSchema>;
export type PublicBox = Static<typeof PublicBoxSchema>;
export type BoxPage = Static<typeof BoxPageSchema>;
export type AccountDetail = Static<typeof AccountDetailSchema>;
export type ImportCounts = Static<typeof ImportCountsSchema>;
export type Provisioning = Static<typeof ProvisioningSchema>;
export type Provisionings = Static<typeof ProvisioningsSchema>;
export type RuleVerdict = Static<typeof RuleVerdictSchema>;
export type StaffMember = Static<typeof StaffMemberSchema>;
export type StaffMembers = Static<typeof StaffMembersSchema>;
export type StaffLeft = Static<typeof StaffLeftSchema>;
export type ZoneMaintainerAssigned = Static<typeof ZoneMaintainerAssignedSchema>;
export type Ticket = Static<typeof TicketSchema>;
export type TicketListItem = Static<typeof TicketListItemSchema>;
export type TicketPage = Static<typeof TicketPageSchema>;
export type TicketEvent = Static<typeof TicketEventSchema>;
export type DiagnosticLimits = Static<typeof DiagnosticLimitsSchema>;
export type TicketDetail = Static<typeof TicketDetailSchema>;
export type Escalation = Static<typeof EscalationSchema>;
export type Escalations = Static<typeof EscalationsSchema>;
export type Tickets = Static<typeof TicketsSchema>;
export type Incident = Static<typeof IncidentSchema>;
export type Incidents = Static<typeof IncidentsSchema>;
export type IncidentResolved = Static<typeof IncidentResolvedSchema>;
export type Callback = Static<typeof CallbackSchema>;
export type Callbacks = Static<typeof CallbacksSchema>;
export type ApiToken = Static<typeof ApiTokenSchema>;
export type ApiTokens = Static<typeof ApiTokensSchema>;
export type CreatedToken = Static<typeof CreatedTokenSchema>;
export type RevokedToken = Static<typeof RevokedTokenSchema>;
export type KeyRotation = Static<typeof KeyRotationSchema>;
export type Me = Static<typeof MeSchema>;
