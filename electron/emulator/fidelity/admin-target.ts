import type { CognitoRequest } from '../interceptor';
import { adminUserNotFound, userPoolNotFound } from './cognito-errors';
import type { FidelityContext } from './context';
import { userKey } from './recovery-codes';
import type { StoredPool, StoredUser } from './store';
import { findUser } from './user-lookup';
import { USER_POOL_ID, USERNAME, validateRequest, type FieldRule, type Validated } from './validation';

// What every admin alternative starts with: a valid request, the pool, and the user. Admin calls are
// made with IAM credentials, so they say plainly when a user does not exist (no app client, no
// PreventUserExistenceErrors). The Username may be the username, the sub or a sign-in alias.

export interface AdminTarget<R extends FieldRule> {
  fields: Validated<typeof USER_POOL_ID | typeof USERNAME | R>;
  pool: StoredPool;
  user: StoredUser;
  /** The user's key for codes, limits, history and temporary passwords. */
  key: string;
}

export async function findAdminTarget<R extends FieldRule = never>(
  ctx: FidelityContext,
  request: CognitoRequest,
  extraRules: readonly R[] = [],
): Promise<AdminTarget<R>> {
  const fields = validateRequest<typeof USER_POOL_ID | typeof USERNAME | R>(request, [USER_POOL_ID, USERNAME, ...extraRules]);
  const pool = await ctx.store.describePool(fields.UserPoolId);
  if (!pool) throw userPoolNotFound(fields.UserPoolId);
  const user = await findUser(ctx.store, pool, fields.Username);
  if (!user) throw adminUserNotFound();
  return { fields, pool, user, key: userKey(pool.Id, user.Username) };
}
