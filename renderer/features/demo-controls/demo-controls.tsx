import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Button, FieldError, Form, Group, Input, Label, NumberField, Switch } from 'react-aria-components';
import { Controller, useForm } from 'react-hook-form';
import type { DemoFault, DemoOperation, ParsedRequestOf } from '../../../shared/contract';
import { CognitoErrorCode } from '../../../shared/errors';
import { demoControlsQuery, useClearFaults, useInjectFault, useSetThrottling } from '../../api/queries';
import { useFocusFirstInvalid } from '../../components/contract-form';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { SelectField, type SelectItem } from '../../components/select-field';
import { faultFormSchema, INITIAL_FAULT, NO_EXCEPTION, type CognitoException } from './fault-request';

// Lets a trainer make the offline emulator fail or slow down the way real Cognito can, so operators
// practise reading the console's errors before they meet them on a live call.

/** What each operation is for in the console, said under its name (every operation has one). */
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

const POLL_MS = 2_000;

const operationItems: SelectItem<DemoOperation>[] = (Object.keys(OPERATIONS) as DemoOperation[]).map((id) => ({
  id,
  label: id,
  description: OPERATIONS[id],
}));
const exceptionItems: SelectItem<CognitoException | typeof NO_EXCEPTION>[] = [
  { id: NO_EXCEPTION, label: 'None: delay only' },
  ...CognitoErrorCode.options.map((id) => ({ id, label: `${id}Exception` })),
];

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
  const [announcement, setAnnouncement] = useState('');
  const formRef = useRef<HTMLFormElement>(null);
  const form = useForm({ resolver: zodResolver(faultFormSchema), defaultValues: INITIAL_FAULT, shouldFocusError: false });

  const injectFault = (fault: ParsedRequestOf<'demo:injectFault'>) =>
    inject.mutate(fault, { onSuccess: () => setAnnouncement(`Injected: ${describeFault({ ...fault, remaining: fault.count })}.`) });
  const refused = useFocusFirstInvalid(formRef, form.formState.errors);

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

          <Form ref={formRef} className="fault-form" aria-labelledby="inject-heading" onSubmit={(event) => void form.handleSubmit(injectFault, refused)(event)}>
            <h3 id="inject-heading">Inject a fault</h3>
            <Controller
              control={form.control}
              name="operation"
              render={({ field, fieldState }) => (
                <SelectField label="Operation" items={operationItems} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
              )}
            />
            <Controller
              control={form.control}
              name="error"
              render={({ field, fieldState }) => (
                <SelectField label="Exception" items={exceptionItems} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
              )}
            />
            <div className="fault-numbers">
              <Controller
                control={form.control}
                name="count"
                render={({ field, fieldState }) => (
                  <WholeNumber label="Calls to affect" min={1} max={100} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
                )}
              />
              <Controller
                control={form.control}
                name="delayMs"
                // The contract's "an exception, a delay, or both" sits on the Exception field: a delay answers it.
                rules={{ deps: ['error'] }}
                render={({ field, fieldState }) => (
                  <WholeNumber label="Delay (ms)" min={0} max={60_000} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
                )}
              />
            </div>
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
  /** The field's own bounds, so the steppers and typing stay within them; the contract has the last word. */
  min: number;
  max: number;
  value: number;
  onChange: (value: number) => void;
  errorMessage?: string | undefined;
}

function WholeNumber({ label, min, max, value, onChange, errorMessage }: WholeNumberProps) {
  return (
    <NumberField
      className="field number-field"
      minValue={min}
      maxValue={max}
      value={value}
      isInvalid={Boolean(errorMessage)}
      validationBehavior="aria"
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
      <FieldError className="field-error">{errorMessage}</FieldError>
    </NumberField>
  );
}
