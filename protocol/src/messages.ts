import './protobuf-runtime';
import { stbnotify } from './gen/stbnotify.js';

/**
 * Friendly names for the generated protobuf classes (protocol/proto/stbnotify/v1/*.proto).
 * `X` is the class (encode/decode); `XProps` the plain-object shape used to build one.
 */
const v1 = stbnotify.v1;

export const SignedEnvelope = v1.SignedEnvelope;
export type SignedEnvelope = stbnotify.v1.SignedEnvelope;
export const EnvelopeHeader = v1.EnvelopeHeader;
export type EnvelopeHeader = stbnotify.v1.EnvelopeHeader;
export const Party = v1.Party;
export type PartyProps = stbnotify.v1.Party.$Properties;
export const PartyKind = v1.PartyKind;
export type PartyKind = stbnotify.v1.PartyKind;

export const Downlink = v1.Downlink;
export type Downlink = stbnotify.v1.Downlink;
export type DownlinkProps = stbnotify.v1.Downlink.$Properties;
export const Notice = v1.Notice;
export type Notice = stbnotify.v1.Notice;
export type NoticeProps = stbnotify.v1.Notice.$Properties;
export const NoticeKind = v1.NoticeKind;
export type NoticeKind = stbnotify.v1.NoticeKind;
export const DisplayMode = v1.DisplayMode;
export type DisplayMode = stbnotify.v1.DisplayMode;
export const Priority = v1.Priority;
export type Priority = stbnotify.v1.Priority;
export const TicketStatus = v1.TicketStatus;
export type TicketStatus = stbnotify.v1.TicketStatus;
export const TicketSeverity = v1.TicketSeverity;
export type TicketSeverity = stbnotify.v1.TicketSeverity;
export type LocalizedTextProps = stbnotify.v1.LocalizedText.$Properties;
export type PublicKeyProps = stbnotify.v1.PublicKey.$Properties;

export const Uplink = v1.Uplink;
export type Uplink = stbnotify.v1.Uplink;
export type UplinkProps = stbnotify.v1.Uplink.$Properties;
export const ReceiptState = v1.ReceiptState;
export type ReceiptState = stbnotify.v1.ReceiptState;
export const Symptom = v1.Symptom;
export type Symptom = stbnotify.v1.Symptom;
export const NetworkType = v1.NetworkType;
export type NetworkType = stbnotify.v1.NetworkType;
export type ReceiptProps = stbnotify.v1.Receipt.$Properties;
export type FaultReportProps = stbnotify.v1.FaultReport.$Properties;
export type DiagnosticsProps = stbnotify.v1.Diagnostics.$Properties;
export type SurveyAnswerProps = stbnotify.v1.SurveyAnswer.$Properties;
export type HelloProps = stbnotify.v1.Hello.$Properties;

/** The only schema version this code speaks. */
export const SCHEMA_VERSION = 1;
