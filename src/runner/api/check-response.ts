import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';

/**
 * Checks a value received from the runner against its schema (the client's end of "every
 * message has a runtime schema, checked at both ends"): the value typed, or why not.
 */
export function checkResponse<S extends TSchema>(
  schema: S,
  value: unknown,
): { ok: true; value: Static<S> } | { ok: false; message: string } {
  if (Value.Check(schema, value)) return { ok: true, value: value as Static<S> };
  const first = Value.Errors(schema, value)[0];
  return { ok: false, message: `${first?.instancePath ?? ''} ${first?.message ?? 'invalid'}` };
}
