import { PartyKind } from './messages';
import type { EnvelopeHeader } from './messages';
import { isSaneTimeMs } from './sane-numbers';

export type PartyKindName = 'headend' | 'box' | 'zone' | 'all';

export interface PartyInfo {
  readonly kind: PartyKindName;
  /** Box or zone id; empty for headend and all. */
  readonly id: string;
}

/** The envelope header as a plain, validated object. */
export interface HeaderInfo {
  readonly schemaVersion: number;
  readonly messageId: string;
  readonly sender: PartyInfo;
  readonly recipient: PartyInfo;
  readonly issuedAtMs: number;
  /** 0 = does not expire. */
  readonly expiresAtMs: number;
  readonly keyId: string;
}

const KIND_NAMES: Record<number, PartyKindName> = {
  [PartyKind.PARTY_KIND_HEADEND]: 'headend',
  [PartyKind.PARTY_KIND_BOX]: 'box',
  [PartyKind.PARTY_KIND_ZONE]: 'zone',
  [PartyKind.PARTY_KIND_ALL]: 'all',
};

const KIND_VALUES: Record<PartyKindName, PartyKind> = {
  headend: PartyKind.PARTY_KIND_HEADEND,
  box: PartyKind.PARTY_KIND_BOX,
  zone: PartyKind.PARTY_KIND_ZONE,
  all: PartyKind.PARTY_KIND_ALL,
};

export function partyKindValue(name: PartyKindName): PartyKind {
  return KIND_VALUES[name];
}

/** Longest message id, party id and key id a header may carry (ids are ≤ 64; key ids add a prefix). */
const MAX_HEADER_STRING = 80;

/**
 * Converts a decoded header; undefined when a party kind is unknown, a string is longer than
 * any id can be, or a time is not one a clock can mean (see MAX_TIME_MS). Checked before any
 * key is looked up, so a hostile header costs nothing but its decoding.
 */
export function toHeaderInfo(h: EnvelopeHeader): HeaderInfo | undefined {
  const sender = KIND_NAMES[h.sender?.kind ?? 0];
  const recipient = KIND_NAMES[h.recipient?.kind ?? 0];
  if (sender === undefined || recipient === undefined) return undefined;
  const strings = [h.messageId, h.keyId, h.sender?.id ?? '', h.recipient?.id ?? ''];
  if (strings.some((s) => s.length > MAX_HEADER_STRING)) return undefined;
  if (!isSaneTimeMs(h.issuedAtMs) || !isSaneTimeMs(h.expiresAtMs)) return undefined;
  return {
    schemaVersion: h.schemaVersion,
    messageId: h.messageId,
    sender: { kind: sender, id: h.sender?.id ?? '' },
    recipient: { kind: recipient, id: h.recipient?.id ?? '' },
    issuedAtMs: Number(h.issuedAtMs),
    expiresAtMs: Number(h.expiresAtMs),
    keyId: h.keyId,
  };
}
