import { describe, expect, it } from 'vitest';
import { boxMayAccess } from '../src/index';
import type { TopicAction } from '../src/index';

const me = { boxId: 'box-1', zoneId: 'z-east' };

// [action, topic, allowed]
const table: Array<[TopicAction, string, boolean]> = [
  ['subscribe', 'stb/v1/down/box/box-1', true],
  ['subscribe', 'stb/v1/down/zone/z-east', true],
  ['subscribe', 'stb/v1/down/all', true],
  ['subscribe', 'stb/v1/down/box/box-2', false],
  ['subscribe', 'stb/v1/down/zone/z-west', false],
  ['subscribe', 'stb/v1/down/box/+', false],
  ['subscribe', 'stb/v1/down/#', false],
  ['subscribe', '#', false],
  ['subscribe', 'stb/v1/up/box-1/fault', false],
  ['subscribe', 'stb/v1/up/+/fault', false],
  ['subscribe', '$SYS/broker/clients', false],
  ['publish', 'stb/v1/up/box-1/fault', true],
  ['publish', 'stb/v1/up/box-1/receipt', true],
  ['publish', 'stb/v1/up/box-1/diag', true],
  ['publish', 'stb/v1/up/box-1/survey', true],
  ['publish', 'stb/v1/up/box-1/hello', true],
  ['publish', 'stb/v1/up/box-2/fault', false],
  ['publish', 'stb/v1/up/box-1/unknown', false],
  ['publish', 'stb/v1/down/box/box-1', false],
  ['publish', 'stb/v1/down/all', false],
  ['publish', 'stb/v1/down/zone/z-east', false],
  ['publish', 'other/topic', false],
];

describe('access rule: a box reads its own, its zone and all; publishes only its own uplink', () => {
  it.each(table)('%s %s → %s', (action, topic, allowed) => {
    expect(boxMayAccess(me, action, topic)).toBe(allowed);
  });
});
