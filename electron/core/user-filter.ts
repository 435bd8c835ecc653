import type { SearchAttribute } from '../../shared/contract';
import { RecoveryDeskError } from './errors';

/** ListUsers accepts a filter expression of at most 256 characters. */
export const MAX_FILTER_LENGTH = 256;

/**
 * Builds a ListUsers Filter. The value is always double-quoted with `"` and `\` escaped, so
 * whatever the operator types stays one literal value: it can neither end the string early
 * nor turn an exact match into something broader.
 */
export function buildUserFilter(attribute: SearchAttribute, match: 'exact' | 'prefix', value: string): string | undefined {
  if (value === '') return undefined;
  const escaped = value.replace(/[\\"]/g, (c) => `\\${c}`);
  const filter = `${attribute} ${match === 'exact' ? '=' : '^='} "${escaped}"`;
  if (filter.length > MAX_FILTER_LENGTH) {
    throw new RecoveryDeskError('FilterTooLong', `The search is ${filter.length - MAX_FILTER_LENGTH} characters too long for a Cognito filter (256 at most, quotes and escapes included).`);
  }
  return filter;
}
