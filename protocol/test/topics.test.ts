import { describe, expect, it } from 'vitest';
import {
  allTopic,
  boxSubscriptions,
  boxTopic,
  parseTopic,
  ProtocolErrorCode,
  uplinkFilter,
  uplinkTopic,
  UPLINK_KINDS,
  zoneTopic,
} from '../src/index';

describe('topics', () => {
  it('every builder round-trips through the parser', () => {
    expect(parseTopic(allTopic())).toEqual({ dir: 'down', scope: 'all' });
    expect(parseTopic(zoneTopic('z-east'))).toEqual({ dir: 'down', scope: 'zone', zoneId: 'z-east' });
    expect(parseTopic(boxTopic('box-1'))).toEqual({ dir: 'down', scope: 'box', boxId: 'box-1' });
    for (const kind of UPLINK_KINDS) {
      expect(parseTopic(uplinkTopic('box-1', kind))).toEqual({ dir: 'up', boxId: 'box-1', kind });
    }
  });

  it('topics carry the version prefix', () => {
    expect(boxTopic('b')).toBe('stb/v1/down/box/b');
    expect(uplinkTopic('b', 'fault')).toBe('stb/v1/up/b/fault');
    expect(uplinkFilter()).toBe('stb/v1/up/+/+');
    expect(boxSubscriptions('b', 'z')).toEqual(['stb/v1/down/box/b', 'stb/v1/down/zone/z', 'stb/v1/down/all']);
  });

  it('ids that would break topic levels are refused by builders', () => {
    for (const bad of ['', 'a/b', '+', '#', 'a b', 'x'.repeat(65)]) {
      expect(() => boxTopic(bad)).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_ID }));
      expect(() => zoneTopic(bad)).toThrow();
    }
  });

  it('box and zone ids hold no "." (a NATS cluster maps "/" to ".": a dot would add a subject level)', () => {
    expect(() => boxTopic('a.b')).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_ID }));
    expect(() => zoneTopic('z.1')).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_ID }));
    expect(() => uplinkTopic('a.b', 'fault')).toThrow(expect.objectContaining({ code: ProtocolErrorCode.BAD_ID }));
    expect(parseTopic('stb/v1/up/a.b/fault')).toBeUndefined();
    expect(parseTopic('stb/v1/down/box/a.b')).toBeUndefined();
    expect(parseTopic(uplinkTopic('stb-0001:a_b', 'fault'))).toEqual({
      dir: 'up',
      boxId: 'stb-0001:a_b',
      kind: 'fault',
    });
  });

  it('foreign and malformed topics parse to undefined', () => {
    for (const t of [
      '',
      'stb/v2/down/all',
      'stb/v1/down',
      'stb/v1/down/box',
      'stb/v1/down/box/a/b',
      'stb/v1/up/a/unknown',
      'stb/v1/up/a',
      '$SYS/x',
      'stb/v1/down/zone/+',
    ]) {
      expect(parseTopic(t)).toBeUndefined();
    }
  });
});
