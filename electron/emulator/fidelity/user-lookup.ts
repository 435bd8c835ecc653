import { foldCase } from '../list-users-filter';
import type { IndexedField } from '../user-index';
import { attributeOf, type CognitoStore, type StoredPool, type StoredUser } from './store';

// Which user a request's Username names. Cognito accepts the username itself, the user's sub, and
// the pool's sign-in aliases. cognito-local only knows sub and UsernameAttributes, and ignores
// whether an alias is verified.

/** Alias attributes that only count once verified (an unverified email could be anyone's). */
const VERIFIED_FLAG: Readonly<Record<string, string>> = { email: 'email_verified', phone_number: 'phone_number_verified' };

export async function findUser(store: CognitoStore, pool: StoredPool, name: string): Promise<StoredUser | undefined> {
  // Pools created with UsernameConfiguration CaseSensitive false match names case-insensitively;
  // without the setting (older pools, and the API default) they are case-sensitive.
  const caseSensitive = pool.UsernameConfiguration?.CaseSensitive !== false;
  const fold = caseSensitive ? (text: string) => text : foldCase;
  const wanted = fold(name);
  const matches = (user: StoredUser, attribute: string) => {
    const value = attributeOf(user, attribute);
    return value !== undefined && fold(value) === wanted;
  };
  // Each step asks the pool's index for the users whose value matches without case, then compares as Cognito does.
  const firstWith = async (field: IndexedField, test: (user: StoredUser) => boolean) => (await store.usersWith(pool.Id, field, name)).find(test);

  if (caseSensitive) {
    const exact = await store.getUser(pool.Id, name);
    if (exact) return exact;
  }
  const byUsername = caseSensitive ? undefined : await firstWith('folded_username', (user) => fold(user.Username) === wanted);
  if (byUsername) return byUsername;
  // The sub is an opaque id and is compared exactly.
  const bySub = await firstWith('sub', (user) => attributeOf(user, 'sub') === name);
  if (bySub) return bySub;
  for (const attribute of (pool.UsernameAttributes ?? []).filter(isIndexedAlias)) {
    const found = await firstWith(attribute, (user) => matches(user, attribute));
    if (found) return found;
  }
  for (const attribute of (pool.AliasAttributes ?? []).filter(isIndexedAlias)) {
    const flag = VERIFIED_FLAG[attribute];
    const found = await firstWith(attribute, (user) => matches(user, attribute) && (flag === undefined || attributeOf(user, flag) === 'true'));
    if (found) return found;
  }
  return undefined;
}

/** The attributes a pool can sign in with: UsernameAttributes (email, phone_number) and AliasAttributes (those and preferred_username). */
function isIndexedAlias(attribute: string): attribute is 'email' | 'phone_number' | 'preferred_username' {
  return attribute === 'email' || attribute === 'phone_number' || attribute === 'preferred_username';
}
