import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  paginateListUsers,
} from '@aws-sdk/client-cognito-identity-provider';
import { cognitoError, Fixtures, openTarget } from './target';

// Listing as AWS documents it. Sources:
//   [LISTUSERS]   AWS API Reference, ListUsers (Limit 0–60, PaginationToken, AttributesToGet, Filter)
//                 (Filter: cognito:user_status "called Status in the console" is case-insensitive, status
//                 case-sensitive; older copies of the reference had the two the other way round)
//   [SEARCH]      Cognito Developer Guide, "Searching and listing users" (searchable attributes,
//                 case-insensitive matching for all but username, status Enabled/Disabled)
//   [LISTPOOLS]   AWS API Reference, ListUserPools (MaxResults 1–60, NextToken)
//   [LISTCLIENTS] AWS API Reference, ListUserPoolClients (MaxResults 1–60, NextToken; UserPoolClientDescription has no secret)
//   [NOTFOUND]    AWS API Reference, ListUsers / DescribeUserPool / AdminGetUser / ListUserPoolClients /
//                 DescribeUserPoolClient: ResourceNotFoundException, "User pool <id> does not exist." and
//                 "User pool client <id> does not exist."
//   [MODEL]       The Cognito API model (the SDK's): UserPoolId is 1–55 characters matching
//                 [\w-]+_[0-9a-zA-Z]+; a request that breaks it is InvalidParameterException with the
//                 model's validation message

let f: Fixtures;
let pool: string;
const USERS = 65;

beforeAll(async () => {
  f = new Fixtures(await openTarget());
  pool = await f.pool('listing');
  for (let i = 0; i < USERS; i++) {
    const n = String(i).padStart(2, '0');
    await f.client.send(
      new AdminCreateUserCommand({
        UserPoolId: pool,
        Username: `lister${n}`,
        MessageAction: 'SUPPRESS',
        UserAttributes: [
          { Name: 'email', Value: `Lister${n}@Example.COM` },
          { Name: 'email_verified', Value: 'true' },
          { Name: 'name', Value: `Lister Number ${n}` },
        ],
      }),
    );
  }
  await f.user(pool, 'disabled-lister', { email: true, disabled: true });
  for (let i = 0; i < 3; i++) await f.appClient(pool, { secret: i === 0 });
}, 120_000);

afterAll(async () => {
  await f?.close();
});

describe('ListUsers', () => {
  it('[LISTUSERS] honours Limit and pages with PaginationToken until every user is seen once', async () => {
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 20, PaginationToken: token }));
      expect(page.Users?.length ?? 0).toBeLessThanOrEqual(20);
      seen.push(...(page.Users ?? []).map((u) => u.Username ?? ''));
      token = page.PaginationToken;
      pages += 1;
    } while (token && pages < 20);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(USERS + 1);
  });

  it('[LISTUSERS] works with the SDK paginator (at most 60 a page)', async () => {
    let total = 0;
    for await (const page of paginateListUsers({ client: f.client, pageSize: 60 }, { UserPoolId: pool })) {
      expect(page.Users?.length ?? 0).toBeLessThanOrEqual(60);
      total += page.Users?.length ?? 0;
    }
    expect(total).toBe(USERS + 1);
  });

  it('[LISTUSERS] refuses a Limit above 60', async () => {
    await expect(f.client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 61 }))).rejects.toMatchObject({ name: 'InvalidParameterException' });
  });

  it('[LISTUSERS] returns only the attributes named in AttributesToGet', async () => {
    const page = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Limit: 5, AttributesToGet: ['email'] }));
    for (const user of page.Users ?? []) {
      expect(user.Attributes?.map((a) => a.Name)).toEqual(['email']);
    }
  });

  it('[SEARCH] matches email case-insensitively, exact and prefix', async () => {
    const exact = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'email = "lister07@example.com"' }));
    expect(exact.Users?.map((u) => u.Username)).toEqual(['lister07']);
    const prefix = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'email ^= "LISTER1"' }));
    expect(prefix.Users?.map((u) => u.Username).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `lister1${i}`));
  });

  it('[SEARCH] matches username case-sensitively', async () => {
    const upper = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'username = "LISTER07"' }));
    expect(upper.Users).toEqual([]);
  });

  it('[SEARCH] filters on status = "Disabled" / "Enabled"', async () => {
    const disabled = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'status = "Disabled"' }));
    expect(disabled.Users?.map((u) => u.Username)).toEqual([expect.stringMatching(/^disabled-lister-/)]);
    const enabled = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'status = "Enabled"', Limit: 60 }));
    expect(enabled.Users?.every((u) => u.Enabled)).toBe(true);
  });

  it('[SEARCH] refuses a filter on an attribute that is not searchable', async () => {
    await expect(f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'custom:department = "x"' }))).rejects.toMatchObject({
      name: 'InvalidParameterException',
    });
  });
});

describe('ListUserPools and ListUserPoolClients', () => {
  it('[LISTPOOLS] pages with MaxResults and NextToken', async () => {
    const ids: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await f.client.send(new ListUserPoolsCommand({ MaxResults: 1, NextToken: token }));
      expect(page.UserPools?.length ?? 0).toBeLessThanOrEqual(1);
      ids.push(...(page.UserPools ?? []).map((p) => p.Id ?? ''));
      token = page.NextToken;
      pages += 1;
    } while (token && pages < 200);
    expect(ids).toContain(pool);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('[LISTCLIENTS] pages with MaxResults and never returns a client secret', async () => {
    const first = await f.client.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 2 }));
    expect(first.UserPoolClients).toHaveLength(2);
    expect(first.NextToken).toBeTruthy();
    const second = await f.client.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults: 2, NextToken: first.NextToken }));
    expect(second.UserPoolClients).toHaveLength(1);
    for (const client of [...(first.UserPoolClients ?? []), ...(second.UserPoolClients ?? [])]) {
      expect(Object.keys(client)).not.toContain('ClientSecret');
    }
  });
});

// Well-formed (it matches the model's pattern) but no such pool.
const UNKNOWN_POOL = 'us-east-1_NoSuchPool0';
const MALFORMED_POOL = 'no-underscore-here';
const MALFORMED_POOL_MESSAGE =
  "1 validation error detected: Value 'no-underscore-here' at 'userPoolId' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w-]+_[0-9a-zA-Z]+";

describe('unknown and malformed pools and clients', () => {
  const poolReads = {
    ListUsers: (UserPoolId: string) => new ListUsersCommand({ UserPoolId }),
    DescribeUserPool: (UserPoolId: string) => new DescribeUserPoolCommand({ UserPoolId }),
    AdminGetUser: (UserPoolId: string) => new AdminGetUserCommand({ UserPoolId, Username: 'lister00' }),
    ListUserPoolClients: (UserPoolId: string) => new ListUserPoolClientsCommand({ UserPoolId, MaxResults: 10 }),
  };

  for (const [operation, command] of Object.entries(poolReads)) {
    it(`[NOTFOUND] ${operation} on an unknown pool: ResourceNotFoundException naming the pool`, async () => {
      // The union of command types has no single send() overload; each is a Cognito command.
      expect(await cognitoError(() => f.client.send(command(UNKNOWN_POOL) as ListUsersCommand))).toEqual({
        name: 'ResourceNotFoundException',
        message: `User pool ${UNKNOWN_POOL} does not exist.`,
      });
    });

    it(`[MODEL] ${operation} with a malformed UserPoolId: InvalidParameterException with the model's message`, async () => {
      expect(await cognitoError(() => f.client.send(command(MALFORMED_POOL) as ListUsersCommand))).toEqual({
        name: 'InvalidParameterException',
        message: MALFORMED_POOL_MESSAGE,
      });
    });
  }

  it('[NOTFOUND] DescribeUserPoolClient with an unknown client: ResourceNotFoundException naming the client', async () => {
    const clientId = 'nosuchclient0000000000000';
    expect(await cognitoError(() => f.client.send(new DescribeUserPoolClientCommand({ UserPoolId: pool, ClientId: clientId })))).toEqual({
      name: 'ResourceNotFoundException',
      message: `User pool client ${clientId} does not exist.`,
    });
  });
});

describe('filters and page sizes', () => {
  it('[LISTUSERS] matches cognito:user_status case-insensitively', async () => {
    const upper = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'cognito:user_status = "FORCE_CHANGE_PASSWORD"', Limit: 60 }));
    const lower = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'cognito:user_status = "force_change_password"', Limit: 60 }));
    expect(upper.Users?.length).toBe(60);
    expect(lower.Users?.map((u) => u.Username)).toEqual(upper.Users?.map((u) => u.Username));
    const confirmed = await f.client.send(new ListUsersCommand({ UserPoolId: pool, Filter: 'cognito:user_status = "Confirmed"' }));
    expect(confirmed.Users?.map((u) => u.Username)).toEqual([expect.stringMatching(/^disabled-lister-/)]);
  });

  for (const MaxResults of [0, 61]) {
    it(`[LISTPOOLS] refuses MaxResults ${MaxResults} (outside 1–60)`, async () => {
      expect(await cognitoError(() => f.client.send(new ListUserPoolsCommand({ MaxResults })))).toMatchObject({ name: 'InvalidParameterException' });
    });

    it(`[LISTCLIENTS] refuses MaxResults ${MaxResults} (outside 1–60)`, async () => {
      expect(await cognitoError(() => f.client.send(new ListUserPoolClientsCommand({ UserPoolId: pool, MaxResults })))).toMatchObject({
        name: 'InvalidParameterException',
      });
    });
  }
});
