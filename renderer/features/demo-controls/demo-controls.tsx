import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button, Form, Group, Input, Label, NumberField, Switch } from 'react-aria-components';
import type { DemoFault, DemoOperation } from '../../../shared/contract';
import { demoControlsQuery, useClearFaults, useInjectFault, useSetThrottling } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { SelectField, type SelectItem } from '../../components/select-field';

// Lets a trainer make the offline emulator fail or slow down the way real Cognito can, so operators
// practise reading the console's errors before they meet them on a live call.

// The lists are typed against the contract (type-only imports) so the page stays free of zod.
const OPERATIONS: Record<DemoOperation, string> = {
  ForgotPassword: 'Send a recovery code',
  ConfirmForgotPassword: 'Set the new password with the code',
  ListUsers: 'User search',
  AdminGetUser: 'User details',
  DescribeUserPool: 'Pool details',
  DescribeUserPoolClient: 'App client details; also read before every recovery call',
  ListUserPools: 'Pool list',
  ListUserPoolClients: 'App client list',
  InitiateAuth: 'Sign-in (not used by the console)',
  AdminCreateUser: 'Not used by the console',
  AdminResetUserPassword: 'Not used by the console',
  AdminSetUserPassword: 'Not used by the console',
};

type CognitoException = NonNullable<DemoFault['error']>;
const EXCEPTIONS: Record<CognitoException, true> = {
  CodeDeliveryFailure: true,
  CodeMismatch: true,
  ExpiredCode: true,
  Forbidden: true,
  InternalError: true,
  InvalidEmailRoleAccessPolicy: true,
  InvalidLambdaResponse: true,
  InvalidParameter: true,
  InvalidPassword: true,
  InvalidSmsRoleAccessPolicy: true,
  InvalidSmsRoleTrustRelationship: true,
  LimitExceeded: true,
  NotAuthorized: true,
  OperationNotEnabled: true,
  PasswordHistoryPolicyViolation: true,
  ResourceNotFound: true,
  TooManyFailedAttempts: true,
  TooManyRequests: true,
  UnexpectedLambda: true,
  UserLambdaValidation: true,
  UserNotConfirmed: true,
  UserNotFound: true,
  PreconditionNotMet: true,
  UnsupportedUserState: true,
  UsernameExists: true,
};

const NO_EXCEPTION = 'none';
const POLL_MS = 2_000;


const operationItems: SelectItem<DemoOperation>[] = (Object.keys(OPERATIONS) as DemoOperation[]).map((id) => ({
  id,
  label: id,
  description: OPERATIONS[id],
}));
const exceptionItems: SelectItem<CognitoException | typeof NO_EXCEPTION>[] = [
  { id: NO_EXCEPTION, label: 'None: delay only' },
  ...(Object.keys(EXCEPTIONS) as CognitoException[]).map((id) => ({ id, label: `${id}Exception` })),
];

interface Draft {
  operation: DemoOperation;
  error: CognitoException | typeof NO_EXCEPTION;
  count: number;
  delayMs: number;
}

const INITIAL_DRAFT: Draft = { operation: 'ForgotPassword', error: 'CodeDeliveryFailure', count: 1, delayMs: 0 };

/** "the next 2 ForgotPassword calls: wait 200 ms, then fail with CodeDeliveryFailureException" */
function describeFault(fault: Pick<DemoFault, 'operation' | 'error' | 'delayMs' | 'remaining'>): string {
  const calls = fault.remaining === 1 ? `the next ${fault.operation} call` : `the next ${fault.remaining} ${fault.operation} calls`;
  const what = [fault.delayMs ? `wait ${fault.delayMs} ms` : '', fault.error ? `fail with ${fault.error}Exception` : ''].filter(Boolean).join(', then ');
  return `${calls}: ${what}`;
}

export default function DemoControls({ onClose }: { onClose: () => void }) {
  const controls = useQuery({ ...demoControlsQuery(), refetchInterval: POLL_MS });
  const inject = useInjectFault();
  const clear = useClearFaults();
  const throttling = useSetThrottling();
  const [draft, setDraft] = useState<Draft>(INITIAL_DRAFT);
  const [problem, setProblem] = useState<string>();
  const [announcement, setAnnouncement] = useState('');

  const submit = () => {
    const error = draft.error === NO_EXCEPTION ? undefined : draft.error;
    if (error === undefined && draft.delayMs === 0) {
      setProblem('Choose an exception, a delay, or both.');
      return;
    }
    setProblem(undefined);
    const fault = { operation: draft.operation, count: draft.count, ...(error ? { error } : {}), ...(draft.delayMs ? { delayMs: draft.delayMs } : {}) };
    inject.mutate({ connectionId: 'demo', ...fault }, { onSuccess: () => setAnnouncement(`Injected: ${describeFault({ ...fault, remaining: fault.count })}.`) });
  };

  const faults = controls.data?.faults ?? [];

  return (
    <aside className="demo-panel demo-controls" aria-labelledby="controls-heading">
      <div className="demo-panel-header">
        <h2 id="controls-heading">Demo controls</h2>
        <Button className="button button-quiet" onPress={onClose} aria-label="Close demo controls">
          Close
        </Button>
      </div>
      <p className="muted">Make the offline emulator fail or slow down the way real Cognito can. Demo connection only.</p>

      {controls.isPending && <Loading>Loading the demo controls…</Loading>}
      {controls.isError && (
        <ErrorNotice error={controls.error} channel="demo:controls" title="Could not read the demo controls" onRetry={() => void controls.refetch()} />
      )}

      {controls.isSuccess && (
        <>
          <Switch
            className="switch"
            isSelected={controls.data.throttling}
            onChange={(enabled) =>
              throttling.mutate(
                { connectionId: 'demo', enabled },
                { onSuccess: (data) => setAnnouncement(data.throttling ? 'Throttling is on.' : 'Throttling is off.') },
              )
            }
          >
            <span className="switch-track" aria-hidden="true">
              <span className="switch-thumb" />
            </span>
            Throttling (Cognito request-rate quotas)
          </Switch>
          <p className="muted">
            On: past Cognito’s default quotas (for example 30 ForgotPassword or ListUsers calls a second) calls fail with
            TooManyRequestsException, as in AWS.
          </p>
          {throttling.isError && <ErrorNotice error={throttling.error} channel="demo:setThrottling" title="Throttling was not changed" />}

          <Form
            className="fault-form"
            aria-labelledby="inject-heading"
            onSubmit={(event) => {
              event.preventDefault();
              submit();
            }}
          >
            <h3 id="inject-heading">Inject a fault</h3>
            <SelectField
              label="Operation"
              items={operationItems}
              value={draft.operation}
              onChange={(operation) => setDraft((d) => ({ ...d, operation }))}
            />
            <SelectField label="Exception" items={exceptionItems} value={draft.error} onChange={(error) => setDraft((d) => ({ ...d, error }))} />
            <div className="fault-numbers">
              <WholeNumber label="Calls to affect" min={1} max={100} value={draft.count} onChange={(count) => setDraft((d) => ({ ...d, count }))} />
              <WholeNumber label="Delay (ms)" min={0} max={60_000} value={draft.delayMs} onChange={(delayMs) => setDraft((d) => ({ ...d, delayMs }))} />
            </div>
            {problem && (
              <p className="field-error" role="alert">
                {problem}
              </p>
            )}
            <Button type="submit" className="button button-primary" isPending={inject.isPending}>
              Inject
            </Button>
            {inject.isError && <ErrorNotice error={inject.error} channel="demo:injectFault" title="The fault was not injected" />}
          </Form>

          <section className="active-faults" aria-labelledby="active-faults-heading">
            <h3 id="active-faults-heading">Active faults</h3>
            {faults.length === 0 ? (
              <p className="muted">None: every call behaves normally.</p>
            ) : (
              <ul className="fault-list" aria-labelledby="active-faults-heading">
                {faults.map((fault) => (
                  <li key={fault.id} className="fault-item">
                    <span className="mono">{fault.operation}</span>
                    <span>{fault.error ? `${fault.error}Exception` : 'no error'}</span>
                    {fault.delayMs ? <span>after {fault.delayMs} ms</span> : null}
                    <span className="badge badge-warn">{fault.remaining === 1 ? '1 call left' : `${fault.remaining} calls left`}</span>
                  </li>
                ))}
              </ul>
            )}
            <Button
              className="button button-secondary"
              isDisabled={faults.length === 0}
              isPending={clear.isPending}
              onPress={() => clear.mutate({ connectionId: 'demo' }, { onSuccess: () => setAnnouncement('Every fault was cleared.') })}
            >
              Clear faults
            </Button>
            {clear.isError && <ErrorNotice error={clear.error} channel="demo:clearFaults" title="The faults were not cleared" />}
          </section>
        </>
      )}
      {/* One polite line for screen readers after each change. */}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </aside>
  );
}

interface WholeNumberProps {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
}

function WholeNumber({ label, min, max, value, onChange }: WholeNumberProps) {
  return (
    <NumberField
      className="field number-field"
      minValue={min}
      maxValue={max}
      value={value}
      formatOptions={{ maximumFractionDigits: 0, useGrouping: false }}
      // Clearing the field gives NaN: fall back to the smallest allowed value.
      onChange={(next) => onChange(Number.isNaN(next) ? min : next)}
    >
      <Label>{label}</Label>
      <Group className="number-group">
        <Button slot="decrement" className="number-step">
          −
        </Button>
        <Input />
        <Button slot="increment" className="number-step">
          +
        </Button>
      </Group>
    </NumberField>
  );
}
