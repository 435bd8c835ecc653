import { describe, expect, it } from 'vitest';
import { buildUserFilter, MAX_FILTER_LENGTH } from '../../electron/core/user-filter';
import { toApiError } from '../../electron/core/errors';

describe('buildUserFilter', () => {
  it('builds exact and prefix filters with the value in double quotes', () => {
    expect(buildUserFilter('email', 'exact', 'alice@acme.example')).toBe('email = "alice@acme.example"');
    expect(buildUserFilter('username', 'prefix', 'cust')).toBe('username ^= "cust"');
  });

  it('lists everyone (no filter) for an empty value', () => {
    expect(buildUserFilter('name', 'prefix', '')).toBeUndefined();
  });

  it('escapes a double quote so it cannot end the value early', () => {
    expect(buildUserFilter('username', 'exact', 'a"b')).toBe('username = "a\\"b"');
    expect(buildUserFilter('username', 'exact', '" or username ^= "')).toBe('username = "\\" or username ^= \\""');
  });

  it('escapes a trailing backslash so it cannot escape the closing quote', () => {
    expect(buildUserFilter('username', 'prefix', 'x\\')).toBe('username ^= "x\\\\"');
  });

  it('refuses a filter longer than Cognito accepts, with a specific error', () => {
    const fits = 'a'.repeat(MAX_FILTER_LENGTH - 'email = ""'.length);
    expect(buildUserFilter('email', 'exact', fits)).toHaveLength(MAX_FILTER_LENGTH);
    let thrown: unknown;
    try {
      buildUserFilter('email', 'exact', `${fits}"`);
    } catch (error) {
      thrown = error;
    }
    expect(toApiError(thrown)).toMatchObject({ code: 'FilterTooLong', retryable: false });
  });
});
