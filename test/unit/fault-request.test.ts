import { describe, expect, it } from 'vitest';
import { translate } from '../support/translate';
import { faultFormSchema, INITIAL_FAULT, NO_EXCEPTION, toFaultRequest } from '../../renderer/features/demo-controls/fault-request';

describe('the demo fault form', () => {
  const t = translate('en');
  it('makes the demo:injectFault request: no exception and no delay are left out', () => {
    expect(toFaultRequest(INITIAL_FAULT)).toEqual({ connectionId: 'demo', operation: 'ForgotPassword', count: 1, error: 'CodeDeliveryFailure' });
    expect(toFaultRequest({ operation: 'ListUsers', error: NO_EXCEPTION, count: 3, delayMs: 250 })).toEqual({
      connectionId: 'demo',
      operation: 'ListUsers',
      count: 3,
      delayMs: 250,
    });
  });

  it('refuses, with the contract\'s message on the Exception field, a fault that neither fails nor waits', () => {
    const result = faultFormSchema(t).safeParse({ ...INITIAL_FAULT, error: NO_EXCEPTION, delayMs: 0 });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['error', 'Choose an exception, a delay, or both.']]);
  });

  it('checks the counts against the contract, and its output is the request to send', () => {
    expect(faultFormSchema(t).safeParse({ ...INITIAL_FAULT, count: 101 }).error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['count', 'Affect a whole number of calls, from 1 to 100.'],
    ]);
    expect(faultFormSchema(t).parse({ ...INITIAL_FAULT, delayMs: 200 })).toEqual({
      connectionId: 'demo',
      operation: 'ForgotPassword',
      count: 1,
      error: 'CodeDeliveryFailure',
      delayMs: 200,
    });
  });
});
