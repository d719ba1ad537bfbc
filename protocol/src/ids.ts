import { ProtocolError, ProtocolErrorCode } from './errors';

/**
 * Box, zone, account and message ids share one syntax so they can sit in MQTT topic
 * levels and file names: 1-64 chars of letters, digits, '_', '-', '.', ':' — never
 * '/', '+', '#' or whitespace ([MQTT-4.7.1-1] wildcards cannot be smuggled in).
 */
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;

export function isValidId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/**
 * Box and zone ids sit in topic levels, and a NATS cluster (issue 21) maps MQTT's `/` to `.`
 * in its subjects: a `.` inside a box id would make stb/v1/up/a.b/fault the subject
 * stb.v1.up.a.b.fault — another level, outside the access rule's pattern. So these ids are
 * the common syntax without `.`: 1-64 of letters, digits, '_', '-', ':'.
 */
const TOPIC_ID_PATTERN = /^[A-Za-z0-9_:-]{1,64}$/;

export function isTopicId(id: string): boolean {
  return TOPIC_ID_PATTERN.test(id);
}

export function assertValidId(id: string, what: string): string {
  if (!isValidId(id)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_ID, `${what} ${JSON.stringify(id)} is not a valid id`);
  }
  return id;
}
