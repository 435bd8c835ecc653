import { randomUUID } from 'node:crypto';
import { DescribeUserPoolCommand, ListUserPoolsCommand, ListUsersCommand, type UserPoolType } from '@aws-sdk/client-cognito-identity-provider';
import type { Connection, ConnectionSearchResult, CrossPoolSearchState, NotSearchedReason, ParsedRequestOf, PoolSearchResult, ResponseOf, SearchAttribute } from '../../shared/contract';
import { CallCancelled, type CognitoGateway } from './cognito-gateway';
import { toUserSummary } from './cognito-mapping';
import type { ConnectionRegistry } from './connections';
import type { DiagnosticLog } from './diagnostics';
import { RecoveryDeskError, toApiError } from './errors';
import { createPacerRegistry, createRequestPacer, type RequestPacer } from './request-pacer';
import { buildUserFilter, mergeFoundUsers, planCallerLookups, type PlannedLookup } from './user-filter';

// "I don't know which of your apps I signed up with": the one search box's lookups (user-filter.ts),
// sent to every pool of a connection, or of every connection. It runs here, in the background, and
// the page polls it (search:progress): that works the same over IPC and HTTP, and cancel is one call.

export interface SearchPacing {
  /**
   * ListUsers calls a second per account and region (per connection while its account is unknown).
   * Cognito's UserList quota is 30: two thirds of it leaves room for the one search box and for other
   * consoles of the same account, and the SDK still retries a TooManyRequestsException.
   */
  listUsersPerSecond: number;
  /** ListUserPools and DescribeUserPool calls a second: their UserPoolRead quota is 15. */
  poolReadsPerSecond: number;
  /** Pools of one connection searched at the same time (the pacers set the rate; this only keeps them busy). */
  poolsInParallel: number;
}

export const DEFAULT_SEARCH_PACING: SearchPacing = { listUsersPerSecond: 20, poolReadsPerSecond: 10, poolsInParallel: 4 };

/** A finished search stays readable this long, for a page that polls late. */
const KEEP_FINISHED_MS = 15 * 60_000;
/** Searches held at once; past it the oldest finished go, then the oldest running is cancelled. */
const MAX_SEARCHES = 20;
/** ListUsers' largest page, as in users:find. */
const PAGE_SIZE = 60;
/** ListUserPools' largest page. */
const POOL_PAGE_SIZE = 60;

/** Where the pool signs in by email or phone, Cognito makes each username a generated id (a UUID): only such a text can match one. */
const UUID_PREFIX = /^(?:[0-9a-f]{1,8}|[0-9a-f]{8}-[0-9a-f-]{0,27})$/i;

export interface CrossPoolSearches {
  start(request: ParsedRequestOf<'search:start'>): Promise<ResponseOf<'search:start'>>;
  progress(searchId: string): CrossPoolSearchState;
  cancel(searchId: string): CrossPoolSearchState;
  /** Cancels every running search and waits for them to settle. */
  close(): Promise<void>;
}

export interface CrossPoolSearchOptions {
  connections: ConnectionRegistry;
  diagnostics: DiagnosticLog;
  pacing?: Partial<SearchPacing> | undefined;
}

interface RunningSearch {
  state: CrossPoolSearchState;
  controller: AbortController;
  settled: Promise<void>;
  /** performance.now() when it finished, for KEEP_FINISHED_MS. */
  finishedAt?: number;
}

/** Which of the text's lookups a pool can answer, and why the others cannot be sent to it. */
export function lookupsForPool(lookups: readonly PlannedLookup[], pool: Pick<UserPoolType, 'UsernameAttributes' | 'SchemaAttributes'> | undefined) {
  const applicable: PlannedLookup[] = [];
  const notSearched: { attribute: SearchAttribute; reason: NotSearchedReason }[] = [];
  const schema = pool?.SchemaAttributes;
  for (const lookup of lookups) {
    if (lookup.attribute === 'username') {
      if ((pool?.UsernameAttributes?.length ?? 0) > 0 && !UUID_PREFIX.test(lookup.value)) notSearched.push({ attribute: 'username', reason: 'generated-usernames' });
      else applicable.push(lookup);
    } else if (schema && schema.length > 0 && !schema.some((attribute) => attribute.Name === lookup.attribute)) {
      // Real pools list every standard attribute; a schema without one (an emulator's, a future change) is taken at its word.
      notSearched.push({ attribute: lookup.attribute, reason: 'not-in-schema' });
    } else {
      applicable.push(lookup);
    }
  }
  return { applicable, notSearched };
}

function isCancellation(error: unknown, signal: AbortSignal): boolean {
  return error instanceof CallCancelled || signal.aborted;
}

const FINISHED_POOL = new Set<PoolSearchResult['status']>(['searched', 'skipped', 'failed', 'cancelled']);

export function createCrossPoolSearches({ connections, diagnostics, pacing: given }: CrossPoolSearchOptions): CrossPoolSearches {
  const pacing = { ...DEFAULT_SEARCH_PACING, ...given };
  const pacerFor = createPacerRegistry((category) => createRequestPacer(category === 'UserList' ? pacing.listUsersPerSecond : pacing.poolReadsPerSecond));
  const searches = new Map<string, RunningSearch>();

  /** Quotas are per account and region; a connection whose account is not known yet paces on its own. */
  const quotaKey = (connection: Connection) => `${connection.accountId ? `account:${connection.accountId}` : `connection:${connection.id}`}|${connection.region}`;

  function tally(state: CrossPoolSearchState) {
    const pools = state.connections.flatMap((c) => c.pools);
    state.poolsTotal = pools.length;
    state.poolsDone = pools.filter((pool) => FINISHED_POOL.has(pool.status)).length;
    state.hits = pools.reduce((sum, pool) => sum + pool.users.length, 0);
  }

  async function searchPool(gateway: CognitoGateway, pacers: { list: RequestPacer; read: RequestPacer }, lookups: readonly PlannedLookup[], pool: PoolSearchResult, signal: AbortSignal) {
    if (signal.aborted) return;
    pool.status = 'searching';
    await pacers.read.acquire(signal);
    const described = (await gateway.send(new DescribeUserPoolCommand({ UserPoolId: pool.userPoolId }), { signal })).UserPool;
    const { applicable, notSearched } = lookupsForPool(lookups, described);
    pool.notSearched = notSearched;
    if (applicable.length === 0) {
      pool.status = 'skipped';
      return;
    }
    const pages = await Promise.all(
      applicable.map(async (lookup) => {
        await pacers.list.acquire(signal);
        const filter = buildUserFilter(lookup.attribute, lookup.match, lookup.value);
        return gateway.send(new ListUsersCommand({ UserPoolId: pool.userPoolId, Filter: filter, Limit: PAGE_SIZE }), { signal });
      }),
    );
    pool.users = mergeFoundUsers(applicable, pages.map((page) => (page.Users ?? []).map(toUserSummary)));
    pool.lookups = applicable.map((lookup, index) => ({ ...lookup, moreAvailable: Boolean(pages[index]?.PaginationToken) }));
    pool.status = 'searched';
  }

  async function searchConnection(search: RunningSearch, connection: Connection, result: ConnectionSearchResult, lookups: readonly PlannedLookup[]) {
    const { signal } = search.controller;
    const key = quotaKey(connection);
    const pacers = { list: pacerFor(key, 'UserList'), read: pacerFor(key, 'UserPoolRead') };
    try {
      const gateway = await connections.client(connection.id);
      let nextToken: string | undefined;
      do {
        await pacers.read.acquire(signal);
        const page = await gateway.send(new ListUserPoolsCommand({ MaxResults: POOL_PAGE_SIZE, NextToken: nextToken }), { signal });
        for (const pool of page.UserPools ?? []) {
          result.pools.push({ userPoolId: pool.Id ?? '', poolName: pool.Name ?? '', status: 'waiting', users: [], lookups: [], notSearched: [] });
        }
        tally(search.state);
        nextToken = page.NextToken;
      } while (nextToken);
      result.status = 'searching';
      let next = 0;
      const worker = async () => {
        while (!signal.aborted && next < result.pools.length) {
          const pool = result.pools[next++];
          if (!pool) break;
          try {
            await searchPool(gateway, pacers, lookups, pool, signal);
          } catch (error) {
            if (isCancellation(error, signal)) pool.status = 'cancelled';
            else {
              // One pool the credentials may not read (AccessDenied), or gone since the listing: the others go on.
              pool.status = 'failed';
              pool.error = toApiError(error);
            }
          }
          tally(search.state);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, pacing.poolsInParallel) }, worker));
      result.status = signal.aborted ? 'cancelled' : 'done';
    } catch (error) {
      if (isCancellation(error, signal)) result.status = 'cancelled';
      else {
        result.status = 'failed';
        result.error = toApiError(error);
      }
    }
    // Whatever was not reached is not going to be.
    for (const pool of result.pools) if (!FINISHED_POOL.has(pool.status)) pool.status = 'cancelled';
    tally(search.state);
  }

  function forget(now: number) {
    for (const [id, search] of searches) {
      if (search.finishedAt !== undefined && now - search.finishedAt > KEEP_FINISHED_MS) searches.delete(id);
    }
    while (searches.size >= MAX_SEARCHES) {
      const oldest = [...searches.entries()].find(([, search]) => search.finishedAt !== undefined) ?? [...searches.entries()][0];
      if (!oldest) break;
      oldest[1].controller.abort();
      searches.delete(oldest[0]);
    }
  }

  function held(searchId: string): RunningSearch {
    const search = searches.get(searchId);
    if (!search) throw new RecoveryDeskError('SearchNotFound');
    return search;
  }

  return {
    async start({ connectionId, everyConnection, text }) {
      const chosen = await connections.get(connectionId);
      const others = everyConnection ? (await connections.list()).connections.filter((c) => c.id !== chosen.id) : [];
      const targets = [chosen, ...others].map((connection) => {
        const plan = planCallerLookups(text, connection.defaultCountry);
        // Every filter is built (and a too-long one refused) before anything is sent, as in users:find.
        for (const lookup of plan.lookups) buildUserFilter(lookup.attribute, lookup.match, lookup.value);
        const result: ConnectionSearchResult = {
          connectionId: connection.id,
          connectionName: connection.name,
          region: connection.region,
          status: plan.lookups.length > 0 ? 'listing' : 'done',
          ...(connection.defaultCountry ? { defaultCountry: connection.defaultCountry } : {}),
          ...(plan.phoneNotRead ? { phoneNotRead: plan.phoneNotRead } : {}),
          pools: [],
        };
        return { connection, plan, result };
      });
      forget(performance.now());
      const searchId = randomUUID();
      const startedAt = new Date().toISOString();
      const state: CrossPoolSearchState = {
        searchId,
        text,
        status: 'running',
        startedAt,
        poolsDone: 0,
        poolsTotal: 0,
        hits: 0,
        connections: targets.map((target) => target.result),
      };
      const search: RunningSearch = { state, controller: new AbortController(), settled: Promise.resolve() };
      const began = performance.now();
      search.settled = Promise.all(
        targets.filter((target) => target.plan.lookups.length > 0).map((target) => searchConnection(search, target.connection, target.result, target.plan.lookups)),
      ).then(() => {
        search.finishedAt = performance.now();
        state.finishedAt = new Date().toISOString();
        if (state.status === 'running') state.status = 'done';
        // Counts only: what was searched for is the caller's email or phone number.
        diagnostics.info('cross-pool-search-finished', {
          status: state.status,
          connections: state.connections.length,
          pools: state.poolsTotal,
          failedPools: state.connections.flatMap((c) => c.pools).filter((pool) => pool.status === 'failed').length,
          hits: state.hits,
          durationMs: Math.round(search.finishedAt - began),
        });
      });
      searches.set(searchId, search);
      return { searchId, startedAt };
    },

    progress: (searchId) => held(searchId).state,

    cancel(searchId) {
      const search = held(searchId);
      if (search.state.status === 'running') {
        search.state.status = 'cancelled';
        search.controller.abort();
        for (const connection of search.state.connections) {
          for (const pool of connection.pools) if (pool.status === 'waiting') pool.status = 'cancelled';
        }
        tally(search.state);
      }
      return search.state;
    },

    async close() {
      for (const search of searches.values()) search.controller.abort();
      await Promise.all([...searches.values()].map((search) => search.settled));
    },
  };
}
