import { PartyKind } from './messages';
import type { EnvelopeHeader } from './messages';

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

/** Converts a decoded header; undefined when a party kind is unknown. */
export function toHeaderInfo(h: EnvelopeHeader): HeaderInfo | undefined {
  const sender = KIND_NAMES[h.sender?.kind ?? 0];
  const recipient = KIND_NAMES[h.recipient?.kind ?? 0];
  if (sender === undefined || recipient === undefined) return undefined;
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
