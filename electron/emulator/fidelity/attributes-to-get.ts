import { CognitoFault, validationFault } from '../interceptor';
import type { StoredPool } from './store';

// ListUsers' AttributesToGet, which cognito-local ignores: only the named attributes come back.

type Item = Record<string, unknown>;

/** Cognito's standard attributes, for a pool record without a schema. */
const STANDARD_ATTRIBUTES = [
  'sub', 'name', 'given_name', 'family_name', 'middle_name', 'nickname', 'preferred_username', 'profile', 'picture', 'website',
  'email', 'email_verified', 'gender', 'birthdate', 'zoneinfo', 'locale', 'phone_number', 'phone_number_verified', 'address', 'updated_at',
];

const doNotExist = () => new CognitoFault('InvalidParameterException', 'One or more requested attributes do not exist.');

/** The request's AttributesToGet: undefined when absent (every attribute is returned). */
export function readAttributesToGet(value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((name): name is string => typeof name === 'string')) {
    throw validationFault('attributesToGet', value, 'Member must be a list of strings');
  }
  return value;
}

/**
 * Keeps only the requested attributes of each user. A name outside the pool's schema fails the call,
 * and so does a listed user who lacks a requested attribute (reported of real Cognito, e.g.
 * aws-sdk-js#3091: "One or more requested attributes do not exist."). An empty list returns users
 * without attributes.
 */
export function projectAttributes(users: Item[], wanted: readonly string[], pool: StoredPool | undefined): Item[] {
  const schema = new Set((pool?.SchemaAttributes ?? []).flatMap((attribute) => (attribute.Name ? [attribute.Name] : [])));
  const known = schema.size > 0 ? schema : new Set(STANDARD_ATTRIBUTES);
  if (wanted.some((name) => !known.has(name))) throw doNotExist();
  return users.map((user) => {
    const attributes = Array.isArray(user.Attributes) ? (user.Attributes as Item[]) : [];
    const kept = wanted.map((name) => attributes.find((attribute) => attribute.Name === name));
    if (kept.some((attribute) => attribute === undefined)) throw doNotExist();
    return { ...user, Attributes: kept };
  });
}
