import { ProtocolError, ProtocolErrorCode } from './errors';
import { isTopicId } from './ids';

/**
 * Topic layout (version prefix first, so a v2 can live beside v1 on one broker):
 *
 *   stb/v1/down/all                 headend -> every box
 *   stb/v1/down/zone/<zoneId>       headend -> boxes of a zone
 *   stb/v1/down/box/<boxId>         headend -> one box
 *   stb/v1/up/<boxId>/<kind>        box -> headend, kind is one of UPLINK_KINDS
 */
export const TOPIC_PREFIX = 'stb/v1';

export const UPLINK_KINDS = ['receipt', 'fault', 'diag', 'survey', 'hello'] as const;
export type UplinkKind = (typeof UPLINK_KINDS)[number];

export type DownlinkTopic =
  | { readonly dir: 'down'; readonly scope: 'all' }
  | { readonly dir: 'down'; readonly scope: 'zone'; readonly zoneId: string }
  | { readonly dir: 'down'; readonly scope: 'box'; readonly boxId: string };

export type UplinkTopic = { readonly dir: 'up'; readonly boxId: string; readonly kind: UplinkKind };

export type ParsedTopic = DownlinkTopic | UplinkTopic;

function requireId(id: string, what: string): string {
  if (!isTopicId(id)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_ID, `${what} ${JSON.stringify(id)} is not a valid id`);
  }
  return id;
}

export function allTopic(): string {
  return `${TOPIC_PREFIX}/down/all`;
}

export function zoneTopic(zoneId: string): string {
  return `${TOPIC_PREFIX}/down/zone/${requireId(zoneId, 'zone id')}`;
}

export function boxTopic(boxId: string): string {
  return `${TOPIC_PREFIX}/down/box/${requireId(boxId, 'box id')}`;
}

export function uplinkTopic(boxId: string, kind: UplinkKind): string {
  return `${TOPIC_PREFIX}/up/${requireId(boxId, 'box id')}/${kind}`;
}

/** Subscription filter the headend uses to receive every box's uplink of every kind. */
export function uplinkFilter(kind?: UplinkKind): string {
  return `${TOPIC_PREFIX}/up/+/${kind ?? '+'}`;
}

export function isUplinkKind(s: string): s is UplinkKind {
  return (UPLINK_KINDS as readonly string[]).includes(s);
}

/** Parses a concrete topic (no wildcards). Returns undefined for anything that is not ours. */
export function parseTopic(topic: string): ParsedTopic | undefined {
  if (!topic.startsWith(`${TOPIC_PREFIX}/`)) return undefined;
  const rest = topic.slice(TOPIC_PREFIX.length + 1).split('/');
  if (rest[0] === 'down') {
    if (rest.length === 2 && rest[1] === 'all') return { dir: 'down', scope: 'all' };
    if (rest.length === 3 && rest[1] === 'zone' && isTopicId(rest[2] ?? '')) {
      return { dir: 'down', scope: 'zone', zoneId: rest[2] as string };
    }
    if (rest.length === 3 && rest[1] === 'box' && isTopicId(rest[2] ?? '')) {
      return { dir: 'down', scope: 'box', boxId: rest[2] as string };
    }
    return undefined;
  }
  if (rest[0] === 'up' && rest.length === 3) {
    const boxId = rest[1] ?? '';
    const kind = rest[2] ?? '';
    if (isTopicId(boxId) && isUplinkKind(kind)) return { dir: 'up', boxId, kind };
  }
  return undefined;
}

/** The three topics a box subscribes to, in the order it should subscribe. */
export function boxSubscriptions(boxId: string, zoneId: string): string[] {
  return [boxTopic(boxId), zoneTopic(zoneId), allTopic()];
}
