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
  const fold = caseSensitive ? (text: string) => text : (text: string) => text.toLocaleLowerCase('en-US');
  const wanted = fold(name);

  if (caseSensitive) {
    const exact = await store.getUser(pool.Id, name);
    if (exact) return exact;
  }
  const users = await store.listUsers(pool.Id);
  const matches = (user: StoredUser, attribute: string) => {
    const value = attributeOf(user, attribute);
    return value !== undefined && fold(value) === wanted;
  };
  return (
    users.find((user) => fold(user.Username) === wanted) ??
    // The sub is an opaque id and is compared exactly.
    users.find((user) => attributeOf(user, 'sub') === name) ??
    users.find((user) => (pool.UsernameAttributes ?? []).some((attribute) => matches(user, attribute))) ??
    users.find((user) =>
      (pool.AliasAttributes ?? []).some((attribute) => {
        const flag = VERIFIED_FLAG[attribute];
        return matches(user, attribute) && (flag === undefined || attributeOf(user, flag) === 'true');
      }),
    )
  );
}
