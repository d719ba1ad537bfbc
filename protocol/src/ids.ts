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

export function assertValidId(id: string, what: string): string {
  if (!isValidId(id)) {
    throw new ProtocolError(ProtocolErrorCode.BAD_ID, `${what} ${JSON.stringify(id)} is not a valid id`);
  }
  return id;
}
