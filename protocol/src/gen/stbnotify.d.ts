import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace stbnotify {

    namespace v1 {

        interface ISignedEnvelope extends stbnotify.v1.SignedEnvelope.$Properties {
        }

        class SignedEnvelope {
            constructor(properties?: stbnotify.v1.SignedEnvelope.$Properties);
            $unknowns?: Uint8Array[];
            header: Uint8Array;
            payload: Uint8Array;
            signature: Uint8Array;
            static encode(message: stbnotify.v1.SignedEnvelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.SignedEnvelope & stbnotify.v1.SignedEnvelope.$Shape;
        }

        namespace SignedEnvelope {
            interface $Properties {
                header?: (Uint8Array|null);
                payload?: (Uint8Array|null);
                signature?: (Uint8Array|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.SignedEnvelope.$Properties;
        }

        enum PartyKind {
            PARTY_KIND_UNSPECIFIED = 0,
            PARTY_KIND_HEADEND = 1,
            PARTY_KIND_BOX = 2,
            PARTY_KIND_ZONE = 3,
            PARTY_KIND_ALL = 4
        }

        interface IParty extends stbnotify.v1.Party.$Properties {
        }

        class Party {
            constructor(properties?: stbnotify.v1.Party.$Properties);
            $unknowns?: Uint8Array[];
            kind: stbnotify.v1.PartyKind;
            id: string;
            static encode(message: stbnotify.v1.Party.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Party & stbnotify.v1.Party.$Shape;
        }

        namespace Party {
            interface $Properties {
                kind?: (stbnotify.v1.PartyKind|null);
                id?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Party.$Properties;
        }

        interface IEnvelopeHeader extends stbnotify.v1.EnvelopeHeader.$Properties {
        }

        class EnvelopeHeader {
            constructor(properties?: stbnotify.v1.EnvelopeHeader.$Properties);
            $unknowns?: Uint8Array[];
            schemaVersion: number;
            messageId: string;
            sender?: (stbnotify.v1.Party.$Properties|null);
            recipient?: (stbnotify.v1.Party.$Properties|null);
            issuedAtMs: number;
            expiresAtMs: number;
            keyId: string;
            static encode(message: stbnotify.v1.EnvelopeHeader.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.EnvelopeHeader & stbnotify.v1.EnvelopeHeader.$Shape;
        }

        namespace EnvelopeHeader {
            interface $Properties {
                schemaVersion?: (number|null);
                messageId?: (string|null);
                sender?: (stbnotify.v1.Party.$Properties|null);
                recipient?: (stbnotify.v1.Party.$Properties|null);
                issuedAtMs?: (number|null);
                expiresAtMs?: (number|null);
                keyId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.EnvelopeHeader.$Properties;
        }

        interface IDownlink extends stbnotify.v1.Downlink.$Properties {
        }

        class Downlink {
            constructor(properties?: stbnotify.v1.Downlink.$Properties);
            $unknowns?: Uint8Array[];
            notice?: (stbnotify.v1.Notice.$Properties|null);
            withdrawal?: (stbnotify.v1.Withdrawal.$Properties|null);
            diagnosticsRequest?: (stbnotify.v1.DiagnosticsRequest.$Properties|null);
            trustedKeys?: (stbnotify.v1.TrustedKeys.$Properties|null);
            helloAnswer?: (stbnotify.v1.HelloAnswer.$Properties|null);
            body?: ("notice"|"withdrawal"|"diagnosticsRequest"|"trustedKeys"|"helloAnswer");
            static encode(message: stbnotify.v1.Downlink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Downlink & stbnotify.v1.Downlink.$Shape;
        }

        namespace Downlink {
            interface $Properties {
                notice?: (stbnotify.v1.Notice.$Properties|null);
                withdrawal?: (stbnotify.v1.Withdrawal.$Properties|null);
                diagnosticsRequest?: (stbnotify.v1.DiagnosticsRequest.$Properties|null);
                trustedKeys?: (stbnotify.v1.TrustedKeys.$Properties|null);
                helloAnswer?: (stbnotify.v1.HelloAnswer.$Properties|null);
                body?: ("notice"|"withdrawal"|"diagnosticsRequest"|"trustedKeys"|"helloAnswer");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              notice?: stbnotify.v1.Notice.$Shape|null;
              withdrawal?: stbnotify.v1.Withdrawal.$Shape|null;
              diagnosticsRequest?: stbnotify.v1.DiagnosticsRequest.$Shape|null;
              trustedKeys?: stbnotify.v1.TrustedKeys.$Shape|null;
              helloAnswer?: stbnotify.v1.HelloAnswer.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; notice?: null; withdrawal?: null; diagnosticsRequest?: null; trustedKeys?: null; helloAnswer?: null }|{ body?: "notice"; notice: stbnotify.v1.Notice.$Shape; withdrawal?: null; diagnosticsRequest?: null; trustedKeys?: null; helloAnswer?: null }|{ body?: "withdrawal"; notice?: null; withdrawal: stbnotify.v1.Withdrawal.$Shape; diagnosticsRequest?: null; trustedKeys?: null; helloAnswer?: null }|{ body?: "diagnosticsRequest"; notice?: null; withdrawal?: null; diagnosticsRequest: stbnotify.v1.DiagnosticsRequest.$Shape; trustedKeys?: null; helloAnswer?: null }|{ body?: "trustedKeys"; notice?: null; withdrawal?: null; diagnosticsRequest?: null; trustedKeys: stbnotify.v1.TrustedKeys.$Shape; helloAnswer?: null }|{ body?: "helloAnswer"; notice?: null; withdrawal?: null; diagnosticsRequest?: null; trustedKeys?: null; helloAnswer: stbnotify.v1.HelloAnswer.$Shape })
            );
        }

        enum NoticeKind {
            NOTICE_KIND_UNSPECIFIED = 0,
            NOTICE_KIND_FEE_DUE = 1,
            NOTICE_KIND_SUSPENSION_WARNING = 2,
            NOTICE_KIND_SUSPENDED = 3,
            NOTICE_KIND_RESTORED = 4,
            NOTICE_KIND_MAINTENANCE = 5,
            NOTICE_KIND_OUTAGE = 6,
            NOTICE_KIND_ANNOUNCEMENT = 7,
            NOTICE_KIND_TICKET_UPDATE = 8,
            NOTICE_KIND_SURVEY_REQUEST = 9
        }

        enum DisplayMode {
            DISPLAY_MODE_UNSPECIFIED = 0,
            DISPLAY_MODE_MAILBOX = 1,
            DISPLAY_MODE_BANNER = 2,
            DISPLAY_MODE_FULLSCREEN = 3
        }

        enum Priority {
            PRIORITY_UNSPECIFIED = 0,
            PRIORITY_LOW = 1,
            PRIORITY_NORMAL = 2,
            PRIORITY_HIGH = 3,
            PRIORITY_URGENT = 4
        }

        interface ILocalizedText extends stbnotify.v1.LocalizedText.$Properties {
        }

        class LocalizedText {
            constructor(properties?: stbnotify.v1.LocalizedText.$Properties);
            $unknowns?: Uint8Array[];
            lang: string;
            title: string;
            body: string;
            static encode(message: stbnotify.v1.LocalizedText.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.LocalizedText & stbnotify.v1.LocalizedText.$Shape;
        }

        namespace LocalizedText {
            interface $Properties {
                lang?: (string|null);
                title?: (string|null);
                body?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.LocalizedText.$Properties;
        }

        interface INotice extends stbnotify.v1.Notice.$Properties {
        }

        class Notice {
            constructor(properties?: stbnotify.v1.Notice.$Properties);
            $unknowns?: Uint8Array[];
            noticeId: string;
            kind: stbnotify.v1.NoticeKind;
            display: stbnotify.v1.DisplayMode;
            priority: stbnotify.v1.Priority;
            collapseKey: string;
            texts: stbnotify.v1.LocalizedText.$Properties[];
            hotline: string;
            actionRequired: boolean;
            accountId: string;
            feeDue?: (stbnotify.v1.FeeDue.$Properties|null);
            suspensionWarning?: (stbnotify.v1.SuspensionWarning.$Properties|null);
            suspended?: (stbnotify.v1.Suspended.$Properties|null);
            restored?: (stbnotify.v1.Restored.$Properties|null);
            maintenance?: (stbnotify.v1.Maintenance.$Properties|null);
            outage?: (stbnotify.v1.Outage.$Properties|null);
            announcement?: (stbnotify.v1.Announcement.$Properties|null);
            ticketUpdate?: (stbnotify.v1.TicketUpdate.$Properties|null);
            surveyRequest?: (stbnotify.v1.SurveyRequest.$Properties|null);
            detail?: ("feeDue"|"suspensionWarning"|"suspended"|"restored"|"maintenance"|"outage"|"announcement"|"ticketUpdate"|"surveyRequest");
            static encode(message: stbnotify.v1.Notice.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Notice & stbnotify.v1.Notice.$Shape;
        }

        namespace Notice {
            interface $Properties {
                noticeId?: (string|null);
                kind?: (stbnotify.v1.NoticeKind|null);
                display?: (stbnotify.v1.DisplayMode|null);
                priority?: (stbnotify.v1.Priority|null);
                collapseKey?: (string|null);
                texts?: (stbnotify.v1.LocalizedText.$Properties[]|null);
                hotline?: (string|null);
                actionRequired?: (boolean|null);
                accountId?: (string|null);
                feeDue?: (stbnotify.v1.FeeDue.$Properties|null);
                suspensionWarning?: (stbnotify.v1.SuspensionWarning.$Properties|null);
                suspended?: (stbnotify.v1.Suspended.$Properties|null);
                restored?: (stbnotify.v1.Restored.$Properties|null);
                maintenance?: (stbnotify.v1.Maintenance.$Properties|null);
                outage?: (stbnotify.v1.Outage.$Properties|null);
                announcement?: (stbnotify.v1.Announcement.$Properties|null);
                ticketUpdate?: (stbnotify.v1.TicketUpdate.$Properties|null);
                surveyRequest?: (stbnotify.v1.SurveyRequest.$Properties|null);
                detail?: ("feeDue"|"suspensionWarning"|"suspended"|"restored"|"maintenance"|"outage"|"announcement"|"ticketUpdate"|"surveyRequest");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              noticeId?: string|null;
              kind?: stbnotify.v1.NoticeKind|null;
              display?: stbnotify.v1.DisplayMode|null;
              priority?: stbnotify.v1.Priority|null;
              collapseKey?: string|null;
              texts?: stbnotify.v1.LocalizedText.$Shape[]|null;
              hotline?: string|null;
              actionRequired?: boolean|null;
              accountId?: string|null;
              feeDue?: stbnotify.v1.FeeDue.$Shape|null;
              suspensionWarning?: stbnotify.v1.SuspensionWarning.$Shape|null;
              suspended?: stbnotify.v1.Suspended.$Shape|null;
              restored?: stbnotify.v1.Restored.$Shape|null;
              maintenance?: stbnotify.v1.Maintenance.$Shape|null;
              outage?: stbnotify.v1.Outage.$Shape|null;
              announcement?: stbnotify.v1.Announcement.$Shape|null;
              ticketUpdate?: stbnotify.v1.TicketUpdate.$Shape|null;
              surveyRequest?: stbnotify.v1.SurveyRequest.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ detail?: undefined; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "feeDue"; feeDue: stbnotify.v1.FeeDue.$Shape; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "suspensionWarning"; feeDue?: null; suspensionWarning: stbnotify.v1.SuspensionWarning.$Shape; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "suspended"; feeDue?: null; suspensionWarning?: null; suspended: stbnotify.v1.Suspended.$Shape; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "restored"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored: stbnotify.v1.Restored.$Shape; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "maintenance"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance: stbnotify.v1.Maintenance.$Shape; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "outage"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage: stbnotify.v1.Outage.$Shape; announcement?: null; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "announcement"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement: stbnotify.v1.Announcement.$Shape; ticketUpdate?: null; surveyRequest?: null }|{ detail?: "ticketUpdate"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate: stbnotify.v1.TicketUpdate.$Shape; surveyRequest?: null }|{ detail?: "surveyRequest"; feeDue?: null; suspensionWarning?: null; suspended?: null; restored?: null; maintenance?: null; outage?: null; announcement?: null; ticketUpdate?: null; surveyRequest: stbnotify.v1.SurveyRequest.$Shape })
            );
        }

        interface IFeeDue extends stbnotify.v1.FeeDue.$Properties {
        }

        class FeeDue {
            constructor(properties?: stbnotify.v1.FeeDue.$Properties);
            $unknowns?: Uint8Array[];
            amountMinor: number;
            currency: string;
            dueAtMs: number;
            paymentReference: string;
            static encode(message: stbnotify.v1.FeeDue.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.FeeDue & stbnotify.v1.FeeDue.$Shape;
        }

        namespace FeeDue {
            interface $Properties {
                amountMinor?: (number|null);
                currency?: (string|null);
                dueAtMs?: (number|null);
                paymentReference?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.FeeDue.$Properties;
        }

        interface ISuspensionWarning extends stbnotify.v1.SuspensionWarning.$Properties {
        }

        class SuspensionWarning {
            constructor(properties?: stbnotify.v1.SuspensionWarning.$Properties);
            $unknowns?: Uint8Array[];
            amountMinor: number;
            currency: string;
            suspendAtMs: number;
            static encode(message: stbnotify.v1.SuspensionWarning.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.SuspensionWarning & stbnotify.v1.SuspensionWarning.$Shape;
        }

        namespace SuspensionWarning {
            interface $Properties {
                amountMinor?: (number|null);
                currency?: (string|null);
                suspendAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.SuspensionWarning.$Properties;
        }

        interface ISuspended extends stbnotify.v1.Suspended.$Properties {
        }

        class Suspended {
            constructor(properties?: stbnotify.v1.Suspended.$Properties);
            $unknowns?: Uint8Array[];
            suspendedAtMs: number;
            amountMinor: number;
            currency: string;
            static encode(message: stbnotify.v1.Suspended.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Suspended & stbnotify.v1.Suspended.$Shape;
        }

        namespace Suspended {
            interface $Properties {
                suspendedAtMs?: (number|null);
                amountMinor?: (number|null);
                currency?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Suspended.$Properties;
        }

        interface IRestored extends stbnotify.v1.Restored.$Properties {
        }

        class Restored {
            constructor(properties?: stbnotify.v1.Restored.$Properties);
            $unknowns?: Uint8Array[];
            restoredAtMs: number;
            paidAtMs: number;
            static encode(message: stbnotify.v1.Restored.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Restored & stbnotify.v1.Restored.$Shape;
        }

        namespace Restored {
            interface $Properties {
                restoredAtMs?: (number|null);
                paidAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Restored.$Properties;
        }

        interface IMaintenance extends stbnotify.v1.Maintenance.$Properties {
        }

        class Maintenance {
            constructor(properties?: stbnotify.v1.Maintenance.$Properties);
            $unknowns?: Uint8Array[];
            startsAtMs: number;
            endsAtMs: number;
            zoneIds: string[];
            reason: string;
            static encode(message: stbnotify.v1.Maintenance.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Maintenance & stbnotify.v1.Maintenance.$Shape;
        }

        namespace Maintenance {
            interface $Properties {
                startsAtMs?: (number|null);
                endsAtMs?: (number|null);
                zoneIds?: (string[]|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Maintenance.$Properties;
        }

        interface IOutage extends stbnotify.v1.Outage.$Properties {
        }

        class Outage {
            constructor(properties?: stbnotify.v1.Outage.$Properties);
            $unknowns?: Uint8Array[];
            startedAtMs: number;
            etaMs: number;
            zoneIds: string[];
            incidentId: string;
            static encode(message: stbnotify.v1.Outage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Outage & stbnotify.v1.Outage.$Shape;
        }

        namespace Outage {
            interface $Properties {
                startedAtMs?: (number|null);
                etaMs?: (number|null);
                zoneIds?: (string[]|null);
                incidentId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Outage.$Properties;
        }

        interface IAnnouncement extends stbnotify.v1.Announcement.$Properties {
        }

        class Announcement {
            constructor(properties?: stbnotify.v1.Announcement.$Properties);
            $unknowns?: Uint8Array[];
            topic: string;
            effectiveAtMs: number;
            static encode(message: stbnotify.v1.Announcement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Announcement & stbnotify.v1.Announcement.$Shape;
        }

        namespace Announcement {
            interface $Properties {
                topic?: (string|null);
                effectiveAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Announcement.$Properties;
        }

        enum TicketStatus {
            TICKET_STATUS_UNSPECIFIED = 0,
            TICKET_STATUS_OPEN = 1,
            TICKET_STATUS_ASSIGNED = 2,
            TICKET_STATUS_IN_PROGRESS = 3,
            TICKET_STATUS_PAUSED = 4,
            TICKET_STATUS_RESOLVED = 5,
            TICKET_STATUS_CLOSED = 6
        }

        enum TicketSeverity {
            TICKET_SEVERITY_UNSPECIFIED = 0,
            TICKET_SEVERITY_URGENT = 1,
            TICKET_SEVERITY_ORDINARY = 2,
            TICKET_SEVERITY_COMPLEX = 3
        }

        interface ITicketUpdate extends stbnotify.v1.TicketUpdate.$Properties {
        }

        class TicketUpdate {
            constructor(properties?: stbnotify.v1.TicketUpdate.$Properties);
            $unknowns?: Uint8Array[];
            ticketId: string;
            status: stbnotify.v1.TicketStatus;
            severity: stbnotify.v1.TicketSeverity;
            dueAtMs: number;
            pauseReason: string;
            incidentId: string;
            reportId: string;
            ticketNumber: number;
            surveyId: string;
            static encode(message: stbnotify.v1.TicketUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.TicketUpdate & stbnotify.v1.TicketUpdate.$Shape;
        }

        namespace TicketUpdate {
            interface $Properties {
                ticketId?: (string|null);
                status?: (stbnotify.v1.TicketStatus|null);
                severity?: (stbnotify.v1.TicketSeverity|null);
                dueAtMs?: (number|null);
                pauseReason?: (string|null);
                incidentId?: (string|null);
                reportId?: (string|null);
                ticketNumber?: (number|null);
                surveyId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.TicketUpdate.$Properties;
        }

        interface ISurveyRequest extends stbnotify.v1.SurveyRequest.$Properties {
        }

        class SurveyRequest {
            constructor(properties?: stbnotify.v1.SurveyRequest.$Properties);
            $unknowns?: Uint8Array[];
            surveyId: string;
            ticketId: string;
            questionId: string;
            answerByMs: number;
            ticketNumber: number;
            static encode(message: stbnotify.v1.SurveyRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.SurveyRequest & stbnotify.v1.SurveyRequest.$Shape;
        }

        namespace SurveyRequest {
            interface $Properties {
                surveyId?: (string|null);
                ticketId?: (string|null);
                questionId?: (string|null);
                answerByMs?: (number|null);
                ticketNumber?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.SurveyRequest.$Properties;
        }

        interface IWithdrawal extends stbnotify.v1.Withdrawal.$Properties {
        }

        class Withdrawal {
            constructor(properties?: stbnotify.v1.Withdrawal.$Properties);
            $unknowns?: Uint8Array[];
            noticeId: string;
            reason: string;
            static encode(message: stbnotify.v1.Withdrawal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Withdrawal & stbnotify.v1.Withdrawal.$Shape;
        }

        namespace Withdrawal {
            interface $Properties {
                noticeId?: (string|null);
                reason?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Withdrawal.$Properties;
        }

        interface IDiagnosticsRequest extends stbnotify.v1.DiagnosticsRequest.$Properties {
        }

        class DiagnosticsRequest {
            constructor(properties?: stbnotify.v1.DiagnosticsRequest.$Properties);
            $unknowns?: Uint8Array[];
            requestId: string;
            static encode(message: stbnotify.v1.DiagnosticsRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.DiagnosticsRequest & stbnotify.v1.DiagnosticsRequest.$Shape;
        }

        namespace DiagnosticsRequest {
            interface $Properties {
                requestId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.DiagnosticsRequest.$Properties;
        }

        interface IPublicKey extends stbnotify.v1.PublicKey.$Properties {
        }

        class PublicKey {
            constructor(properties?: stbnotify.v1.PublicKey.$Properties);
            $unknowns?: Uint8Array[];
            keyId: string;
            ed25519: Uint8Array;
            notAfterMs: number;
            static encode(message: stbnotify.v1.PublicKey.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.PublicKey & stbnotify.v1.PublicKey.$Shape;
        }

        namespace PublicKey {
            interface $Properties {
                keyId?: (string|null);
                ed25519?: (Uint8Array|null);
                notAfterMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.PublicKey.$Properties;
        }

        interface ITrustedKeys extends stbnotify.v1.TrustedKeys.$Properties {
        }

        class TrustedKeys {
            constructor(properties?: stbnotify.v1.TrustedKeys.$Properties);
            $unknowns?: Uint8Array[];
            keys: stbnotify.v1.PublicKey.$Properties[];
            static encode(message: stbnotify.v1.TrustedKeys.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.TrustedKeys & stbnotify.v1.TrustedKeys.$Shape;
        }

        namespace TrustedKeys {
            interface $Properties {
                keys?: (stbnotify.v1.PublicKey.$Properties[]|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.TrustedKeys.$Properties;
        }

        interface IHelloAnswer extends stbnotify.v1.HelloAnswer.$Properties {
        }

        class HelloAnswer {
            constructor(properties?: stbnotify.v1.HelloAnswer.$Properties);
            $unknowns?: Uint8Array[];
            bootId: string;
            resent: number;
            static encode(message: stbnotify.v1.HelloAnswer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.HelloAnswer & stbnotify.v1.HelloAnswer.$Shape;
        }

        namespace HelloAnswer {
            interface $Properties {
                bootId?: (string|null);
                resent?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.HelloAnswer.$Properties;
        }

        interface IUplink extends stbnotify.v1.Uplink.$Properties {
        }

        class Uplink {
            constructor(properties?: stbnotify.v1.Uplink.$Properties);
            $unknowns?: Uint8Array[];
            receipt?: (stbnotify.v1.Receipt.$Properties|null);
            faultReport?: (stbnotify.v1.FaultReport.$Properties|null);
            diagnostics?: (stbnotify.v1.Diagnostics.$Properties|null);
            surveyAnswer?: (stbnotify.v1.SurveyAnswer.$Properties|null);
            hello?: (stbnotify.v1.Hello.$Properties|null);
            body?: ("receipt"|"faultReport"|"diagnostics"|"surveyAnswer"|"hello");
            static encode(message: stbnotify.v1.Uplink.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Uplink & stbnotify.v1.Uplink.$Shape;
        }

        namespace Uplink {
            interface $Properties {
                receipt?: (stbnotify.v1.Receipt.$Properties|null);
                faultReport?: (stbnotify.v1.FaultReport.$Properties|null);
                diagnostics?: (stbnotify.v1.Diagnostics.$Properties|null);
                surveyAnswer?: (stbnotify.v1.SurveyAnswer.$Properties|null);
                hello?: (stbnotify.v1.Hello.$Properties|null);
                body?: ("receipt"|"faultReport"|"diagnostics"|"surveyAnswer"|"hello");
                $unknowns?: Uint8Array[];
            }
            type $Shape = {
              receipt?: stbnotify.v1.Receipt.$Shape|null;
              faultReport?: stbnotify.v1.FaultReport.$Shape|null;
              diagnostics?: stbnotify.v1.Diagnostics.$Shape|null;
              surveyAnswer?: stbnotify.v1.SurveyAnswer.$Shape|null;
              hello?: stbnotify.v1.Hello.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; receipt?: null; faultReport?: null; diagnostics?: null; surveyAnswer?: null; hello?: null }|{ body?: "receipt"; receipt: stbnotify.v1.Receipt.$Shape; faultReport?: null; diagnostics?: null; surveyAnswer?: null; hello?: null }|{ body?: "faultReport"; receipt?: null; faultReport: stbnotify.v1.FaultReport.$Shape; diagnostics?: null; surveyAnswer?: null; hello?: null }|{ body?: "diagnostics"; receipt?: null; faultReport?: null; diagnostics: stbnotify.v1.Diagnostics.$Shape; surveyAnswer?: null; hello?: null }|{ body?: "surveyAnswer"; receipt?: null; faultReport?: null; diagnostics?: null; surveyAnswer: stbnotify.v1.SurveyAnswer.$Shape; hello?: null }|{ body?: "hello"; receipt?: null; faultReport?: null; diagnostics?: null; surveyAnswer?: null; hello: stbnotify.v1.Hello.$Shape })
            );
        }

        enum ReceiptState {
            RECEIPT_STATE_UNSPECIFIED = 0,
            RECEIPT_STATE_DELIVERED = 1,
            RECEIPT_STATE_DISPLAYED = 2,
            RECEIPT_STATE_READ = 3,
            RECEIPT_STATE_DISMISSED = 4
        }

        interface IReceipt extends stbnotify.v1.Receipt.$Properties {
        }

        class Receipt {
            constructor(properties?: stbnotify.v1.Receipt.$Properties);
            $unknowns?: Uint8Array[];
            noticeId: string;
            state: stbnotify.v1.ReceiptState;
            atMs: number;
            static encode(message: stbnotify.v1.Receipt.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Receipt & stbnotify.v1.Receipt.$Shape;
        }

        namespace Receipt {
            interface $Properties {
                noticeId?: (string|null);
                state?: (stbnotify.v1.ReceiptState|null);
                atMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Receipt.$Properties;
        }

        enum Symptom {
            SYMPTOM_UNSPECIFIED = 0,
            SYMPTOM_NO_SIGNAL = 1,
            SYMPTOM_PICTURE_FREEZE = 2,
            SYMPTOM_MOSAIC = 3,
            SYMPTOM_NO_SOUND = 4,
            SYMPTOM_CHANNELS_MISSING = 5,
            SYMPTOM_INTERACTIVE_SERVICE = 6,
            SYMPTOM_BOX_REBOOTS = 7,
            SYMPTOM_REMOTE_CONTROL = 8,
            SYMPTOM_OTHER = 9
        }

        interface IFaultReport extends stbnotify.v1.FaultReport.$Properties {
        }

        class FaultReport {
            constructor(properties?: stbnotify.v1.FaultReport.$Properties);
            $unknowns?: Uint8Array[];
            reportId: string;
            symptom: stbnotify.v1.Symptom;
            code: string;
            diagnostics?: (stbnotify.v1.Diagnostics.$Properties|null);
            reportedAtMs: number;
            automatic: boolean;
            static encode(message: stbnotify.v1.FaultReport.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.FaultReport & stbnotify.v1.FaultReport.$Shape;
        }

        namespace FaultReport {
            interface $Properties {
                reportId?: (string|null);
                symptom?: (stbnotify.v1.Symptom|null);
                code?: (string|null);
                diagnostics?: (stbnotify.v1.Diagnostics.$Properties|null);
                reportedAtMs?: (number|null);
                automatic?: (boolean|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.FaultReport.$Properties;
        }

        enum NetworkType {
            NETWORK_TYPE_UNSPECIFIED = 0,
            NETWORK_TYPE_CABLE_MODEM = 1,
            NETWORK_TYPE_ETHERNET = 2,
            NETWORK_TYPE_WIFI = 3
        }

        interface INetworkStatus extends stbnotify.v1.NetworkStatus.$Properties {
        }

        class NetworkStatus {
            constructor(properties?: stbnotify.v1.NetworkStatus.$Properties);
            $unknowns?: Uint8Array[];
            type: stbnotify.v1.NetworkType;
            connected: boolean;
            ip: string;
            rttMs: number;
            static encode(message: stbnotify.v1.NetworkStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.NetworkStatus & stbnotify.v1.NetworkStatus.$Shape;
        }

        namespace NetworkStatus {
            interface $Properties {
                type?: (stbnotify.v1.NetworkType|null);
                connected?: (boolean|null);
                ip?: (string|null);
                rttMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.NetworkStatus.$Properties;
        }

        interface IDiagnostics extends stbnotify.v1.Diagnostics.$Properties {
        }

        class Diagnostics {
            constructor(properties?: stbnotify.v1.Diagnostics.$Properties);
            $unknowns?: Uint8Array[];
            firmware: string;
            uptimeS: number;
            tunerLocked: boolean;
            signalLevelDbuv: number;
            snrDb: number;
            merDb: number;
            ber: number;
            network?: (stbnotify.v1.NetworkStatus.$Properties|null);
            memoryFreeKb: number;
            memoryTotalKb: number;
            errorCodes: string[];
            lastRebootReason: string;
            decoderErrors: number;
            collectedAtMs: number;
            requestId: string;
            static encode(message: stbnotify.v1.Diagnostics.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Diagnostics & stbnotify.v1.Diagnostics.$Shape;
        }

        namespace Diagnostics {
            interface $Properties {
                firmware?: (string|null);
                uptimeS?: (number|null);
                tunerLocked?: (boolean|null);
                signalLevelDbuv?: (number|null);
                snrDb?: (number|null);
                merDb?: (number|null);
                ber?: (number|null);
                network?: (stbnotify.v1.NetworkStatus.$Properties|null);
                memoryFreeKb?: (number|null);
                memoryTotalKb?: (number|null);
                errorCodes?: (string[]|null);
                lastRebootReason?: (string|null);
                decoderErrors?: (number|null);
                collectedAtMs?: (number|null);
                requestId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Diagnostics.$Properties;
        }

        interface ISurveyAnswer extends stbnotify.v1.SurveyAnswer.$Properties {
        }

        class SurveyAnswer {
            constructor(properties?: stbnotify.v1.SurveyAnswer.$Properties);
            $unknowns?: Uint8Array[];
            surveyId: string;
            ticketId: string;
            rating: number;
            resolved: boolean;
            answeredAtMs: number;
            static encode(message: stbnotify.v1.SurveyAnswer.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.SurveyAnswer & stbnotify.v1.SurveyAnswer.$Shape;
        }

        namespace SurveyAnswer {
            interface $Properties {
                surveyId?: (string|null);
                ticketId?: (string|null);
                rating?: (number|null);
                resolved?: (boolean|null);
                answeredAtMs?: (number|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.SurveyAnswer.$Properties;
        }

        interface IHello extends stbnotify.v1.Hello.$Properties {
        }

        class Hello {
            constructor(properties?: stbnotify.v1.Hello.$Properties);
            $unknowns?: Uint8Array[];
            model: string;
            firmware: string;
            appVersion: string;
            locale: string;
            bootId: string;
            static encode(message: stbnotify.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): stbnotify.v1.Hello & stbnotify.v1.Hello.$Shape;
        }

        namespace Hello {
            interface $Properties {
                model?: (string|null);
                firmware?: (string|null);
                appVersion?: (string|null);
                locale?: (string|null);
                bootId?: (string|null);
                $unknowns?: Uint8Array[];
            }
            type $Shape = stbnotify.v1.Hello.$Properties;
        }
    }
}
