import { contract, type DemoFault, type DemoOperation, type RequestOf } from '../../../shared/contract';
import { contractFormSchema } from '../../components/contract-form';
import type { Translate } from '../../i18n/use-t';

// The fault form's values and the 'demo:injectFault' request they make. Whether a fault is
// acceptable (an exception, a delay or both; how many calls; how long) is the contract's to say.

export type CognitoException = NonNullable<DemoFault['error']>;

/** The drop-down's choice for "no exception": a drop-down needs a key for every item. */
export const NO_EXCEPTION = 'none';

export type FaultFormValues = {
  operation: DemoOperation;
  error: CognitoException | typeof NO_EXCEPTION;
  count: number;
  delayMs: number;
};

export const INITIAL_FAULT: FaultFormValues = { operation: 'ForgotPassword', error: 'CodeDeliveryFailure', count: 1, delayMs: 0 };

export function toFaultRequest(values: FaultFormValues): RequestOf<'demo:injectFault'> {
  return {
    connectionId: 'demo',
    operation: values.operation,
    count: values.count,
    ...(values.error === NO_EXCEPTION ? {} : { error: values.error }),
    // No delay is said by leaving it out.
    ...(values.delayMs ? { delayMs: values.delayMs } : {}),
  };
}

/** The fault form's schema, its messages in the page's words. */
export const faultFormSchema = (t: Translate) => contractFormSchema({ t, request: contract['demo:injectFault'].request, toRequest: toFaultRequest });
