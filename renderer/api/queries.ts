import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { RequestOf, ResponseOf } from '../../shared/contract';
import { call } from './client';

// One queryOptions per read channel; the key is always [channel, request] so any screen that asks
// for the same thing shares the cache entry.

type PagedRequest<R, Token extends keyof R> = Omit<R, Token>;

export function connectionsQuery() {
  const request: RequestOf<'connections:list'> = {};
  return queryOptions({
    queryKey: ['connections:list', request] as const,
    queryFn: () => call('connections:list', request),
    // The list changes only through the connection mutations below, which refresh it.
    staleTime: Infinity,
  });
}

/** The profiles in the shared AWS config files: read afresh each time the form opens (they change outside the app). */
export function profilesQuery() {
  const request: RequestOf<'connections:profiles'> = {};
  return queryOptions({
    queryKey: ['connections:profiles', request] as const,
    queryFn: () => call('connections:profiles', request),
    staleTime: 0,
  });
}

type QueryClient = ReturnType<typeof useQueryClient>;
type ConnectionList = ResponseOf<'connections:list'>;
type Connection = ConnectionList['connections'][number];

/** Whether a cache key belongs to a connection: every per-connection key is [channel, { connectionId, ... }]. */
export function isForConnection(queryKey: readonly unknown[], connectionId: string): boolean {
  const request = queryKey[1];
  return typeof request === 'object' && request !== null && 'connectionId' in request && request.connectionId === connectionId;
}

/** Forgets everything read through a connection, so nothing it showed can appear under it (or another) again. */
export function removeConnectionQueries(queryClient: QueryClient, connectionId: string) {
  queryClient.removeQueries({ predicate: (query) => isForConnection(query.queryKey, connectionId) });
}

/** Asks again for what failed through a connection (after an MFA code, an SSO sign-in, a successful test). */
export function retryConnectionQueries(queryClient: QueryClient, connectionId: string) {
  return queryClient.resetQueries({ predicate: (query) => query.state.status === 'error' && isForConnection(query.queryKey, connectionId) });
}

function updateCachedConnections(queryClient: QueryClient, update: (connections: Connection[]) => Connection[]) {
  queryClient.setQueryData(connectionsQuery().queryKey, (list: ConnectionList | undefined) =>
    list ? { ...list, connections: update(list.connections) } : list,
  );
}

/**
 * Adds or edits a connection. The request can carry typed-in keys: the finished mutation is dropped at
 * once (gcTime 0) and the form resets it as soon as it settles, so no cache keeps them.
 */
export function useSaveConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['connections:save'],
    mutationFn: (request: RequestOf<'connections:save'>) => call('connections:save', request),
    gcTime: 0,
    onSuccess: (connection, request) => {
      // An edited connection may now reach another region, account or endpoint: nothing read before still applies.
      if (request.connectionId) removeConnectionQueries(queryClient, connection.id);
      updateCachedConnections(queryClient, (list) =>
        list.some((c) => c.id === connection.id) ? list.map((c) => (c.id === connection.id ? connection : c)) : [...list, connection],
      );
      return queryClient.invalidateQueries({ queryKey: ['connections:list'] });
    },
  });
}

export function useRenameConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['connections:rename'],
    mutationFn: (request: RequestOf<'connections:rename'>) => call('connections:rename', request),
    gcTime: 0,
    onSuccess: (connection) => {
      updateCachedConnections(queryClient, (list) => list.map((c) => (c.id === connection.id ? connection : c)));
      return queryClient.invalidateQueries({ queryKey: ['connections:list'] });
    },
  });
}

export function useDeleteConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['connections:delete'],
    mutationFn: (request: RequestOf<'connections:delete'>) => call('connections:delete', request),
    gcTime: 0,
    onSuccess: (_result, { connectionId }) => {
      // Off the list first, so no screen asks for it again, then forget what it read.
      updateCachedConnections(queryClient, (list) => list.filter((c) => c.id !== connectionId));
      removeConnectionQueries(queryClient, connectionId);
      return queryClient.invalidateQueries({ queryKey: ['connections:list'] });
    },
  });
}

/**
 * Who the connection's credentials are and which pools they see. The request may carry a one-time MFA
 * code: the mutation is dropped at once and reset by its caller. A success can unblock earlier failures.
 */
export function useTestConnection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['connections:test'],
    mutationFn: (request: RequestOf<'connections:test'>) => call('connections:test', request),
    gcTime: 0,
    onSuccess: (_result, { connectionId }) => {
      // The account id is learnt from the test.
      void queryClient.invalidateQueries({ queryKey: ['connections:list'] });
      void retryConnectionQueries(queryClient, connectionId);
    },
  });
}

export function poolsQuery(request: PagedRequest<RequestOf<'pools:list'>, 'nextToken'>) {
  return infiniteQueryOptions({
    queryKey: ['pools:list', request] as const,
    queryFn: ({ pageParam }) => call('pools:list', { ...request, nextToken: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: ResponseOf<'pools:list'>) => page.nextToken,
    staleTime: 5 * 60_000,
  });
}

export function poolQuery(request: RequestOf<'pools:describe'>) {
  return queryOptions({
    queryKey: ['pools:describe', request] as const,
    queryFn: () => call('pools:describe', request),
    staleTime: 5 * 60_000,
  });
}

/**
 * Reads the pool's settings and app clients afresh: the privileged side forgets its cached facts
 * (kept a few minutes), then every view of this pool asks again.
 */
export function useRefreshPool() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['pools:refresh'],
    mutationFn: (request: RequestOf<'pools:refresh'>) => call('pools:refresh', request),
    onSuccess: (_result, { connectionId, userPoolId }) =>
      Promise.all(
        (['pools:describe', 'clients:list', 'recovery:verdict'] as const).map((channel) =>
          queryClient.invalidateQueries({ queryKey: [channel, { connectionId, userPoolId }] }),
        ),
      ),
  });
}

/** Every app client of a pool: pools have few, and recovery needs to choose among all of them. */
export function clientsQuery(request: PagedRequest<RequestOf<'clients:list'>, 'nextToken'>) {
  return queryOptions({
    queryKey: ['clients:list', request] as const,
    queryFn: async () => {
      const clients: ResponseOf<'clients:list'>['clients'] = [];
      let nextToken: string | undefined;
      do {
        const page = await call('clients:list', { ...request, nextToken });
        clients.push(...page.clients);
        nextToken = page.nextToken;
      } while (nextToken);
      return clients;
    },
    staleTime: 5 * 60_000,
  });
}

export const USERS_PAGE_SIZE = 60;

export function usersSearchQuery(request: PagedRequest<RequestOf<'users:search'>, 'paginationToken'>) {
  return infiniteQueryOptions({
    queryKey: ['users:search', request] as const,
    queryFn: ({ pageParam }) => call('users:search', { ...request, paginationToken: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page: ResponseOf<'users:search'>) => page.paginationToken,
    staleTime: 30_000,
  });
}

/** The one search box: every sensible lookup for the typed text at once, first page each (no paging: a long list means type more). */
export function usersFindQuery(request: RequestOf<'users:find'>) {
  return queryOptions({
    queryKey: ['users:find', request] as const,
    queryFn: () => call('users:find', request),
    staleTime: 30_000,
  });
}

export function userQuery(request: RequestOf<'users:get'>) {
  return queryOptions({
    queryKey: ['users:get', request] as const,
    queryFn: () => call('users:get', request),
    staleTime: 30_000,
  });
}

/** The user's active sessions (AdminListUserSessions); read afresh after any action on the user. */
export function sessionsQuery(request: RequestOf<'sessions:list'>) {
  return queryOptions({
    queryKey: ['sessions:list', request] as const,
    queryFn: () => call('sessions:list', request),
    staleTime: 10_000,
  });
}

/** The user's recent auth events (AdminListUserAuthEvents), or that the pool has no threat protection. */
export function authEventsQuery(request: RequestOf<'risk:events'>) {
  return queryOptions({
    queryKey: ['risk:events', request] as const,
    queryFn: () => call('risk:events', request),
    staleTime: 10_000,
  });
}

/** How the user signs in and their MFA (AdminGetUserAuthFactors); read again after every action on the user. */
export function authFactorsQuery(request: RequestOf<'users:authFactors'>) {
  return queryOptions({
    queryKey: ['users:authFactors', request] as const,
    queryFn: () => call('users:authFactors', request),
    staleTime: 30_000,
  });
}

/** Every demo channel's request: they only exist on the offline demo connection. */
const DEMO = { connectionId: 'demo' } as const;

export function demoInboxQuery() {
  const request: RequestOf<'demo:inbox'> = DEMO;
  return queryOptions({
    queryKey: ['demo:inbox', request] as const,
    queryFn: () => call('demo:inbox', request),
  });
}

export function demoControlsQuery() {
  const request: RequestOf<'demo:controls'> = DEMO;
  return queryOptions({
    queryKey: ['demo:controls', request] as const,
    queryFn: () => call('demo:controls', request),
  });
}

/** A change to the demo controls; the mutation settles once every view of them is fresh again. */
function useDemoControlsMutation<C extends 'demo:injectFault' | 'demo:clearFaults' | 'demo:setThrottling'>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [channel],
    mutationFn: (request: RequestOf<C>) => call(channel, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demo:controls'] }),
  });
}

export const useInjectFault = () => useDemoControlsMutation('demo:injectFault');
export const useClearFaults = () => useDemoControlsMutation('demo:clearFaults');
export const useSetThrottling = () => useDemoControlsMutation('demo:setThrottling');

export function useClearInbox() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['demo:clearInbox'],
    mutationFn: () => call('demo:clearInbox', DEMO),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demo:inbox'] }),
  });
}

/** What ForgotPassword will do for this user through this app client; asked afresh after every recovery action. */
export function verdictQuery(request: RequestOf<'recovery:verdict'>) {
  return queryOptions({
    queryKey: ['recovery:verdict', request] as const,
    queryFn: () => call('recovery:verdict', request),
    // The verdict counts today's codes and follows the user's status: never serve an old one for long.
    staleTime: 10_000,
  });
}

/**
 * After any recovery action, succeeded or not: the verdict (status, codes sent today), the user,
 * the list, the audit log and the demo inbox may all have changed.
 */
function refreshAfterRecovery(queryClient: QueryClient, { connectionId, userPoolId, username }: { connectionId: string; userPoolId: string; username: string }) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: ['recovery:verdict', { connectionId, userPoolId, username }] }),
    queryClient.invalidateQueries({ queryKey: ['users:get', { connectionId, userPoolId, username }] }),
    queryClient.invalidateQueries({ queryKey: ['users:authFactors', { connectionId, userPoolId, username }] }),
    queryClient.invalidateQueries({ queryKey: ['users:search', { connectionId, userPoolId }] }),
    queryClient.invalidateQueries({ queryKey: ['users:find', { connectionId, userPoolId }] }),
    queryClient.invalidateQueries({ queryKey: ['sessions:list', { connectionId, userPoolId, username }] }),
    queryClient.invalidateQueries({ queryKey: ['risk:events', { connectionId, userPoolId, username }] }),
    queryClient.invalidateQueries({ queryKey: ['audit:list'] }),
    queryClient.invalidateQueries({ queryKey: ['audit:trail'] }),
    queryClient.invalidateQueries({ queryKey: ['demo:inbox'] }),
  ]);
}

/** The channels that send a message or change a user: one way to call each of them. */
export type RecoveryAction =
  | 'recovery:forgotPassword'
  | 'recovery:confirmForgotPassword'
  | 'recovery:resendInvitation'
  | 'recovery:adminResetPassword'
  | 'recovery:setTemporaryPassword'
  | 'sessions:revoke'
  | 'sessions:signOutEverywhere'
  | 'risk:feedback'
  | 'users:resetMfa';

/**
 * A recovery action. Never retried on its own (each attempt may send the caller another message and
 * counts against Cognito's limits); the finished mutation is dropped at once, as its variables may
 * hold a code or a password; afterwards, succeeded or not, whatever it may have changed is read again.
 */
export function useRecoveryAction<C extends RecoveryAction>(channel: C) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [channel],
    mutationFn: (request: RequestOf<C>) => call(channel, request),
    retry: false,
    gcTime: 0,
    onSettled: (_data, _error, request) => refreshAfterRecovery(queryClient, request),
  });
}

// ---- Audit log and settings (no AWS call) ----

/** The audit filters the operator chose; paging is added per page. */
export type AuditFilters = Omit<RequestOf<'audit:list'>, 'limit' | 'offset'>;

export const AUDIT_PAGE_SIZE = 200;

/** The audit log, newest first, one page of AUDIT_PAGE_SIZE per fetch, paged by offset. */
export function auditListQuery(filters: AuditFilters) {
  const request = { ...filters, limit: AUDIT_PAGE_SIZE };
  return infiniteQueryOptions({
    queryKey: ['audit:list', request] as const,
    queryFn: ({ pageParam }) => call('audit:list', { ...request, offset: pageParam }),
    initialPageParam: 0,
    getNextPageParam: (page: ResponseOf<'audit:list'>, pages: ResponseOf<'audit:list'>[]) => {
      const loaded = pages.reduce((n, p) => n + p.records.length, 0);
      return page.records.length > 0 && loaded < page.total ? loaded : undefined;
    },
    // New records arrive with every recovery action: read the log afresh each time the view opens.
    staleTime: 0,
  });
}

/** How often the audit view asks how far the central audit trail has got: delivery goes on in the background. */
export const AUDIT_TRAIL_REFRESH_MS = 5_000;

/** The central audit trail's state (CloudWatch Logs); looked at again while shown, unless the policy names no log group. */
export function auditTrailQuery() {
  const request: RequestOf<'audit:trail'> = {};
  return queryOptions({
    queryKey: ['audit:trail', request] as const,
    queryFn: () => call('audit:trail', request),
    refetchInterval: (query) => (query.state.data?.state === 'off' ? false : AUDIT_TRAIL_REFRESH_MS),
    staleTime: 0,
  });
}

/** Every matching record as a file; the content can be large, so it is not kept once handled. */
export function useExportAudit() {
  return useMutation({
    mutationKey: ['audit:export'],
    mutationFn: (request: RequestOf<'audit:export'>) => call('audit:export', request),
    gcTime: 0,
  });
}

/** Follows the audit log's hash chain: an action the operator asks for, answered from the whole file as it is now. */
export function useVerifyAudit() {
  return useMutation({
    mutationKey: ['audit:verify'],
    mutationFn: () => call('audit:verify', {}),
  });
}

/** What the organization's policy fixes: read once at start on the privileged side, so it never changes while the page is open. */
export function policyQuery() {
  const request: RequestOf<'policy:get'> = {};
  return queryOptions({
    queryKey: ['policy:get', request] as const,
    queryFn: () => call('policy:get', request),
    staleTime: Infinity,
  });
}

export function settingsQuery() {
  const request: RequestOf<'settings:get'> = {};
  return queryOptions({
    queryKey: ['settings:get', request] as const,
    queryFn: () => call('settings:get', request),
    staleTime: 60_000,
  });
}

export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['settings:update'],
    mutationFn: (request: RequestOf<'settings:update'>) => call('settings:update', request),
    onSuccess: (settings) => {
      // Every screen that reads the settings (recovery's caller checks too) sees the saved ones at once.
      queryClient.setQueryData(settingsQuery().queryKey, settings);
      return queryClient.invalidateQueries({ queryKey: ['settings:get'] });
    },
  });
}

// --- Finding the caller in every pool: started once, then polled until it has finished ---

/** How often a running search across pools is asked where it has got. */
const SEARCH_POLL_MS = 400;

export function searchProgressQuery(searchId: string) {
  const request: RequestOf<'search:progress'> = { searchId };
  return queryOptions({
    queryKey: ['search:progress', request] as const,
    queryFn: () => call('search:progress', request),
    // Once finished (cancelled ones too, when their last calls have settled), the answer no longer changes.
    refetchInterval: (query) => (query.state.data?.finishedAt ? false : SEARCH_POLL_MS),
    staleTime: (query) => (query.state.data?.finishedAt ? Infinity : 0),
    // A search the privileged side no longer holds (SearchNotFound) will not come back by asking again.
    retry: false,
  });
}

export function useStartSearch() {
  return useMutation({
    mutationKey: ['search:start'],
    mutationFn: (request: RequestOf<'search:start'>) => call('search:start', request),
  });
}

export function useCancelSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['search:cancel'],
    mutationFn: (request: RequestOf<'search:cancel'>) => call('search:cancel', request),
    // Shown at once: nothing more is sent, whatever the next poll says.
    onSuccess: (state) => queryClient.setQueryData(searchProgressQuery(state.searchId).queryKey, state),
  });
}
