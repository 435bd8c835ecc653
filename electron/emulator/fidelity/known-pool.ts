import type { CognitoRequest, Interceptor, Interceptors } from '../interceptor';
import { userPoolClientNotFound, userPoolNotFound } from './cognito-errors';
import type { CognitoStore, StoredPool } from './store';
import { CLIENT_ID, USER_POOL_ID, validateRequest } from './validation';

// cognito-local answers a malformed or unknown pool id in its own words (or, for ListUserPoolClients,
// with an empty list). Cognito checks the id against its API model first, then says the pool does
// not exist, naming it; these checks run before cognito-local's reads.

/** The request's pool: a UserPoolId the model accepts, naming a pool that exists. */
export async function knownPool(store: Pick<CognitoStore, 'describePool'>, request: CognitoRequest): Promise<StoredPool> {
  const { UserPoolId } = validateRequest(request, [USER_POOL_ID]);
  const pool = await store.describePool(UserPoolId);
  if (!pool) throw userPoolNotFound(UserPoolId);
  return pool;
}

/** DescribeUserPool, AdminGetUser and DescribeUserPoolClient, answered by cognito-local once the pool (and client) exist. */
export function poolReadInterceptors(store: Pick<CognitoStore, 'describePool' | 'findClient'>): Interceptors {
  const afterPoolCheck: Interceptor = async (request, next) => {
    await knownPool(store, request);
    return next(request);
  };
  return {
    DescribeUserPool: afterPoolCheck,
    AdminGetUser: afterPoolCheck,
    async DescribeUserPoolClient(request, next) {
      // Both members checked at once, so one answer lists every violation, as the model does.
      const { ClientId } = validateRequest(request, [USER_POOL_ID, CLIENT_ID]);
      const pool = await knownPool(store, request);
      const client = await store.findClient(ClientId);
      if (!client || client.UserPoolId !== pool.Id) throw userPoolClientNotFound(ClientId);
      return next(request);
    },
  };
}
