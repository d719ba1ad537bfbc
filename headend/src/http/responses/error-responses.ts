import { Type } from 'typebox';
import type { TSchema } from 'typebox';
import type { ContentSchemas } from './response-shapes';

/**
 * What every refusal answers (http/error-handler.ts): a stable code, a message, and details —
 * a record for a domain error, the list of failed checks for a validation error.
 */
export const ErrorBody = Type.Object(
  {
    code: Type.String({
      description: 'a code of the headend’s error catalogue (errors.ts), or BAD_BODY, BAD_REQUEST …',
    }),
    message: Type.String(),
    details: Type.Optional(Type.Unknown()),
  },
  { description: 'Error: { code, message, details? }' },
);

/** A route's success answers (by status) and the coded error body for every 4xx and 5xx. */
export function withErrors<R extends Record<number, TSchema | ContentSchemas>>(
  success: R,
): R & { '4xx': typeof ErrorBody; '5xx': typeof ErrorBody } {
  return { ...success, '4xx': ErrorBody, '5xx': ErrorBody };
}
