import { Buffer } from 'node:buffer';
import { projectAttributes, readAttributesToGet } from './fidelity/attributes-to-get';
import { knownPool } from './fidelity/known-pool';
import type { CognitoStore, StoredUser } from './fidelity/store';
import { parseListUsersFilter } from './list-users-filter';
import { CognitoFault, validationFault, type CognitoRequest, type Interceptors } from './interceptor';

// cognito-local ignores Limit/MaxResults and never returns a token, so a console that pages (as it
// must against real Cognito) would never be exercised. These interceptors page: ListUsers from the
// pool's indexes, the short lists of pools and clients from cognito-local's full answer.

const MAX_PAGE_SIZE = 60;
const MAX_FILTER_LENGTH = 256;

type Item = Record<string, unknown>;

/** What a token is only valid for: the same operation on the same pool with the same filter. */
export interface TokenScope {
  op: string;
  pool: string;
  filter: string;
}

/** `store` gives ListUsers the pool's schema, for AttributesToGet. */
export function listingInterceptors(store: Pick<CognitoStore, 'describePool' | 'pageUsers'>): Interceptors {
  return {
    async ListUsers(request) {
      const pool = (await knownPool(store, request)).Id;
      const filter = optionalString(request, 'Filter', 'filter');
      if (filter !== undefined && filter.length > MAX_FILTER_LENGTH) {
        throw validationFault('filter', filter, `Member must have length less than or equal to ${MAX_FILTER_LENGTH}`);
      }
      // Limit 0 is in the API's range; treat it like an absent Limit.
      const limit = pageSize(request.Limit, 'limit', false) || MAX_PAGE_SIZE;
      const scope: TokenScope = { op: 'ListUsers', pool, filter: filter ?? '' };
      const after = readToken(request.PaginationToken, scope);
      const attributesToGet = readAttributesToGet(request.AttributesToGet);

      // Answered from the pool's indexes (user-index.ts): only the page's users are read and copied.
      const { users: found, more } = await store.pageUsers(pool, parseListUsersFilter(filter), after, limit);
      const page = found.map(listedUser);
      const last = more ? found.at(-1)?.Username : undefined;
      const users = attributesToGet === undefined ? page : projectAttributes(page, attributesToGet, await store.describePool(pool));
      return { Users: users, ...(last === undefined ? {} : { PaginationToken: writeToken(scope, last) }) };
    },

    async ListUserPools(request, next) {
      // MaxResults is required by the real API.
      const limit = pageSize(request.MaxResults, 'maxResults', true);
      const scope: TokenScope = { op: 'ListUserPools', pool: '', filter: '' };
      const after = readToken(request.NextToken, scope);
      const all = items(await next({}), 'UserPools');
      const { page, last } = pageOf(all, 'Id', limit, after);
      return {
        // The real response carries descriptions only, not full pool settings.
        UserPools: page.map((pool) => pick(pool, ['Id', 'Name', 'LambdaConfig', 'Status', 'LastModifiedDate', 'CreationDate'])),
        ...(last === undefined ? {} : { NextToken: writeToken(scope, last) }),
      };
    },

    async ListUserPoolClients(request, next) {
      const pool = (await knownPool(store, request)).Id;
      // MaxResults is optional here, but 1–60 when given (the API model).
      const limit = request.MaxResults === undefined || request.MaxResults === null ? MAX_PAGE_SIZE : pageSize(request.MaxResults, 'maxResults', true);
      const scope: TokenScope = { op: 'ListUserPoolClients', pool, filter: '' };
      const after = readToken(request.NextToken, scope);
      const all = items(await next({ UserPoolId: pool }), 'UserPoolClients');
      const { page, last } = pageOf(all, 'ClientId', limit, after);
      return {
        // Real Cognito lists descriptions only; the secret is for DescribeUserPoolClient alone.
        UserPoolClients: page.map((client) => pick(client, ['ClientId', 'UserPoolId', 'ClientName'])),
        ...(last === undefined ? {} : { NextToken: writeToken(scope, last) }),
      };
    },
  };
}

/** A user as ListUsers lists it (the fields cognito-local's answer had): never the password or the emulator's own records. */
function listedUser(user: StoredUser): Item {
  const { Username, Attributes, Enabled, UserStatus, UserCreateDate, UserLastModifiedDate, MFAOptions } = user;
  return { Username, Attributes, Enabled, UserStatus, UserCreateDate, UserLastModifiedDate, ...(MFAOptions ? { MFAOptions } : {}) };
}

/** Stable keyset paging: sorted by key (code-unit order), resuming after the last key handed out. */
function pageOf(all: Item[], key: string, limit: number, after: string | undefined): { page: Item[]; last?: string } {
  const keyed = all
    .map((item) => ({ item, key: String(item[key]) }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const rest = after === undefined ? keyed : keyed.filter((entry) => entry.key > after);
  const page = rest.slice(0, limit);
  const last = rest.length > limit ? page.at(-1)?.key : undefined;
  return { page: page.map((entry) => entry.item), ...(last === undefined ? {} : { last }) };
}

export function writeToken(scope: TokenScope, after: string): string {
  return Buffer.from(JSON.stringify({ v: 1, ...scope, after }), 'utf8').toString('base64url');
}

export function readToken(token: unknown, scope: TokenScope): string | undefined {
  if (token === undefined || token === null) return undefined;
  const invalid = new CognitoFault('InvalidParameterException', 'Invalid pagination token.');
  if (typeof token !== 'string') throw invalid;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw invalid;
  }
  if (!isItem(decoded) || decoded.v !== 1 || typeof decoded.after !== 'string') throw invalid;
  if (decoded.op !== scope.op || decoded.pool !== scope.pool || decoded.filter !== scope.filter) {
    throw new CognitoFault('InvalidParameterException', 'The pagination token does not match this request (user pool or filter changed).');
  }
  return decoded.after;
}

export function pageSize(value: unknown, field: string, required: boolean): number {
  if (value === undefined || value === null) {
    if (required) throw validationFault(field, value, 'Member must not be null');
    return 0;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) throw validationFault(field, value, 'Member must be an integer');
  const min = required ? 1 : 0;
  if (value < min) throw validationFault(field, value, `Member must have value greater than or equal to ${min}`);
  if (value > MAX_PAGE_SIZE) throw validationFault(field, value, `Member must have value less than or equal to ${MAX_PAGE_SIZE}`);
  return value;
}

function optionalString(request: CognitoRequest, key: string, field: string): string | undefined {
  const value = request[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFault(field, value, 'Member must be a string');
  return value;
}

function items(response: unknown, key: string): Item[] {
  const list = isItem(response) ? response[key] : undefined;
  return Array.isArray(list) ? list.filter(isItem) : [];
}

function pick(item: Item, keys: readonly string[]): Item {
  return Object.fromEntries(keys.filter((key) => item[key] !== undefined).map((key) => [key, item[key]]));
}

function isItem(value: unknown): value is Item {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
