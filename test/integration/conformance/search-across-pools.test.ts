import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminCreateUserCommand, DescribeUserPoolCommand, ListUsersCommand } from '@aws-sdk/client-cognito-identity-provider';
import { Fixtures, openTarget } from './target';

// What the search across every pool (electron/core/cross-pool-search.ts) relies on to skip a lookup
// with a note. Sources:
//   [ATTRIBUTES]  Cognito Developer Guide, "User pool attributes": every user has the standard
//                 attributes; where users sign up with an email or phone number as their username
//                 (UsernameAttributes), Cognito makes the username a persistent UUID, the same value as
//                 sub, and ListUsers by username takes that actual username, not an alias
//   [DESCRIBE]    AWS API Reference, DescribeUserPool / UserPoolType: SchemaAttributes lists the
//                 pool's standard and custom attributes, UsernameAttributes how users sign in

let f: Fixtures;
let byEmail: string;
let email: string;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  byEmail = await f.pool('sign-in-by-email', { usernameAttributes: ['email'] });
  email = `caller-${Date.now()}@${f.target.emailDomain}`;
  await f.client.send(
    new AdminCreateUserCommand({
      UserPoolId: byEmail,
      Username: email,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: 'email', Value: email },
        { Name: 'email_verified', Value: 'true' },
      ],
    }),
  );
}, 60_000);

afterAll(async () => {
  await f?.close();
});

describe('a pool where users sign in with their email', () => {
  it('[DESCRIBE] names email in UsernameAttributes and lists the standard attributes in its schema', async () => {
    const pool = (await f.client.send(new DescribeUserPoolCommand({ UserPoolId: byEmail }))).UserPool;
    expect(pool?.UsernameAttributes).toEqual(['email']);
    const schema = new Set(pool?.SchemaAttributes?.map((attribute) => attribute.Name));
    for (const name of ['email', 'phone_number', 'name', 'given_name', 'family_name', 'preferred_username', 'sub']) expect(schema).toContain(name);
  });

  it('[ATTRIBUTES] gives the user a generated username, the same as their sub', async () => {
    const [user] = (await f.client.send(new ListUsersCommand({ UserPoolId: byEmail, Filter: `email = "${email}"` }))).Users ?? [];
    const sub = user?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value;
    expect(user?.Username).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(user?.Username).toBe(sub);
  });

  it('[ATTRIBUTES] ListUsers by username does not take the email: only the email filter finds the user', async () => {
    const byUsername = await f.client.send(new ListUsersCommand({ UserPoolId: byEmail, Filter: `username = "${email}"` }));
    expect(byUsername.Users ?? []).toEqual([]);
    const byUsernamePrefix = await f.client.send(new ListUsersCommand({ UserPoolId: byEmail, Filter: `username ^= "${email.slice(0, 6)}"` }));
    expect(byUsernamePrefix.Users ?? []).toEqual([]);
    const found = await f.client.send(new ListUsersCommand({ UserPoolId: byEmail, Filter: `email = "${email}"` }));
    expect(found.Users).toHaveLength(1);
  });
});
