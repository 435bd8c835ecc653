import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  buildScaleSeed,
  resolveScaleUsers,
  SCALE_CLIENT_ID,
  SCALE_GENERATED_USERS_TAG,
  SCALE_POOL_ID,
  SCALE_POOL_NAME,
  scaleUserEmail,
  scaleUsername,
} from '../../electron/emulator/scale-seed';
import { DEMO_INITIAL_PASSWORD, type SeedUser } from '../../electron/emulator/seed';

const USERS = 50_000;
const seed = buildScaleSeed(USERS);

const attribute = (user: SeedUser, name: string) => user.Attributes.find((entry) => entry.Name === name)?.Value;
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex');

function expectUnique(values: (string | undefined)[]): void {
  const present = values.filter((value) => value !== undefined);
  expect(new Set(present).size).toBe(present.length);
}

describe('buildScaleSeed', () => {
  it('gives the same pool for the same N, every time, and user n does not depend on N', () => {
    expect(digest(buildScaleSeed(USERS))).toBe(digest(seed));
    expect(buildScaleSeed(10).users).toEqual(seed.users.slice(0, 10));
  });

  it('describes the pool and its one public app client, recording the generated count in a tag', () => {
    expect(seed.pool).toMatchObject({
      Id: SCALE_POOL_ID,
      Name: SCALE_POOL_NAME,
      MfaConfiguration: 'OPTIONAL',
      AccountRecoverySetting: {
        RecoveryMechanisms: [
          { Name: 'verified_email', Priority: 1 },
          { Name: 'verified_phone_number', Priority: 2 },
        ],
      },
      EstimatedNumberOfUsers: USERS,
      UserPoolTags: { [SCALE_GENERATED_USERS_TAG]: String(USERS) },
    });
    expect(seed.clients).toHaveLength(1);
    expect(seed.clients[0]).toMatchObject({ ClientId: SCALE_CLIENT_ID, UserPoolId: SCALE_POOL_ID });
    expect(seed.clients[0]?.ClientSecret).toBeUndefined();
    expect(SCALE_CLIENT_ID).toHaveLength(24);
    expect(seed.users).toHaveLength(USERS);
  });

  it(`keeps usernames, emails, phone numbers, preferred usernames and subs unique at ${USERS.toLocaleString('en-US')} users`, () => {
    expectUnique(seed.users.map((user) => user.Username));
    for (const name of ['email', 'phone_number', 'preferred_username', 'sub']) expectUnique(seed.users.map((user) => attribute(user, name)));
  });

  it('names user n without generating the others', () => {
    for (const n of [1, 2, 777, USERS]) {
      const user = seed.users[n - 1];
      expect(user?.Username).toBe(scaleUsername(n));
      // Every federated user and most others have an email; where one is present, it is this.
      const email = user ? attribute(user, 'email') : undefined;
      if (email !== undefined) expect(email).toBe(scaleUserEmail(n));
    }
  });

  it('shapes values as Cognito holds them: lower-case ASCII usernames and emails starting with the given name, E.164 phones, UUID subs, NFC names', () => {
    for (const user of seed.users) {
      expect(user.Username).toMatch(/^[a-z]+\.[a-z]+\.\d{6}$/);
      const email = attribute(user, 'email');
      if (email !== undefined) expect(email).toMatch(new RegExp(`^${user.Username.split('.')[0] ?? ''}\\.[a-z]+\\d+@[a-z.]+$`));
      const phone = attribute(user, 'phone_number');
      if (phone !== undefined) expect(phone).toMatch(/^\+[1-9]\d{6,14}$/);
      expect(attribute(user, 'sub')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      for (const name of ['given_name', 'family_name', 'name']) expect(attribute(user, name)?.normalize('NFC')).toBe(attribute(user, name));
      expect(user.Password).toBe(DEMO_INITIAL_PASSWORD);
    }
  });

  it('varies the users: every status, verified combinations, disabled users, both MFA kinds, non-ASCII names, aliases', () => {
    const statuses = new Set(seed.users.map((user) => user.UserStatus));
    expect([...statuses].sort()).toEqual(['CONFIRMED', 'EXTERNAL_PROVIDER', 'FORCE_CHANGE_PASSWORD', 'RESET_REQUIRED', 'UNCONFIRMED']);
    const confirmed = seed.users.filter((user) => user.UserStatus === 'CONFIRMED').length;
    expect(confirmed / USERS).toBeGreaterThan(0.8);

    const combinations = new Set(seed.users.map((user) => `${attribute(user, 'email_verified') ?? 'none'}/${attribute(user, 'phone_number_verified') ?? 'none'}`));
    for (const combination of ['true/true', 'true/false', 'false/true', 'false/false', 'true/none', 'false/none', 'none/true', 'none/false']) {
      expect(combinations).toContain(combination);
    }
    // Signed up, never confirmed: nothing is verified.
    for (const user of seed.users.filter((candidate) => candidate.UserStatus === 'UNCONFIRMED')) {
      expect([attribute(user, 'email_verified'), attribute(user, 'phone_number_verified')]).not.toContain('true');
    }

    expect(seed.users.some((user) => !user.Enabled)).toBe(true);
    const sms = seed.users.filter((user) => user.PreferredMfaSetting === 'SMS_MFA');
    expect(sms.length).toBeGreaterThan(0);
    for (const user of sms) {
      expect(user.UserMFASettingList).toEqual(['SMS_MFA']);
      expect(attribute(user, 'phone_number_verified')).toBe('true');
    }
    expect(seed.users.some((user) => user.PreferredMfaSetting === 'SOFTWARE_TOKEN_MFA' && user.UserMFASettingList?.[0] === 'SOFTWARE_TOKEN_MFA')).toBe(true);
    expect(seed.users.some((user) => attribute(user, 'preferred_username') !== undefined)).toBe(true);
    expect(seed.users.some((user) => attribute(user, 'identities')?.includes('Google'))).toBe(true);

    const names = seed.users.map((user) => attribute(user, 'name') ?? '');
    for (const letter of ['é', 'ø', 'ß', 'Ł', 'ñ', 'ğ', 'ễ', '王', 'さ', 'Γ', 'Д']) expect(names.some((name) => name.includes(letter))).toBe(true);
  });

  it('refuses counts outside 1…100,000', () => {
    for (const count of [0, -1, 1.5, 100_001, Number.NaN]) expect(() => buildScaleSeed(count)).toThrow(RangeError);
  });
});

describe('resolveScaleUsers', () => {
  it('prefers the explicit count, then RECOVERY_DESK_DEMO_USERS; unset or empty means no pool', () => {
    expect(resolveScaleUsers(20, { RECOVERY_DESK_DEMO_USERS: '30' })).toBe(20);
    expect(resolveScaleUsers(undefined, { RECOVERY_DESK_DEMO_USERS: ' 30 ' })).toBe(30);
    expect(resolveScaleUsers(undefined, { RECOVERY_DESK_DEMO_USERS: '100000' })).toBe(100_000);
    expect(resolveScaleUsers(undefined, {})).toBeUndefined();
    expect(resolveScaleUsers(undefined, { RECOVERY_DESK_DEMO_USERS: '' })).toBeUndefined();
  });

  it.each(['0', '100001', 'many', '1e3', '-5', '2.5'])('names the variable when it holds "%s"', (value) => {
    expect(() => resolveScaleUsers(undefined, { RECOVERY_DESK_DEMO_USERS: value })).toThrow(`RECOVERY_DESK_DEMO_USERS must be a whole number from 1 to 100,000, not "${value}".`);
  });
});
