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
    // The list is fixed for the life of the app.
    staleTime: Infinity,
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

export function userQuery(request: RequestOf<'users:get'>) {
  return queryOptions({
    queryKey: ['users:get', request] as const,
    queryFn: () => call('users:get', request),
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

export function useForgotPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['recovery:forgotPassword'],
    mutationFn: (request: RequestOf<'recovery:forgotPassword'>) => call('recovery:forgotPassword', request),
    // Never retried on its own: each attempt sends the caller another code and counts against the limit.
    retry: false,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['demo:inbox'] }),
  });
}

export function useConfirmForgotPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: ['recovery:confirmForgotPassword'],
    mutationFn: (request: RequestOf<'recovery:confirmForgotPassword'>) => call('recovery:confirmForgotPassword', request),
    retry: false,
    // The variables hold the new password and the code: drop the finished mutation at once
    // instead of keeping it in the cache for the default five minutes.
    gcTime: 0,
    // The user's status and last-modified time change with the new password.
    onSuccess: (_data, { connectionId, userPoolId, username }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['users:get', { connectionId, userPoolId, username }] }),
        queryClient.invalidateQueries({ queryKey: ['users:search', { connectionId, userPoolId }] }),
      ]),
  });
}
