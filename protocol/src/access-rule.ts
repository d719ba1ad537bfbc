import { parseTopic } from './topics';

/** Who a connected box is, as the broker established it (certificate or credential). */
export interface BoxIdentity {
  readonly boxId: string;
  readonly zoneId: string;
}

export type TopicAction = 'subscribe' | 'publish';

/**
 * The access rule, in one place, used by the embedded broker, the generated ACL of an
 * external broker and the tests. A box may:
 *   - subscribe to its own box topic, its zone's topic and the all topic — exact topics
 *     only, never a wildcard filter (which could match other boxes);
 *   - publish only to stb/v1/up/<its own id>/<known kind>.
 * Everything else is refused.
 */
export function boxMayAccess(identity: BoxIdentity, action: TopicAction, topic: string): boolean {
  if (topic.includes('+') || topic.includes('#')) return false;
  const parsed = parseTopic(topic);
  if (parsed === undefined) return false;
  if (action === 'publish') {
    return parsed.dir === 'up' && parsed.boxId === identity.boxId;
  }
  if (parsed.dir !== 'down') return false;
  switch (parsed.scope) {
    case 'all':
      return true;
    case 'zone':
      return parsed.zoneId === identity.zoneId;
    case 'box':
      return parsed.boxId === identity.boxId;
  }
}
