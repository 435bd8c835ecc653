import { useQuery } from '@tanstack/react-query';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMemo, useRef, useState } from 'react';
import { Button, FieldError, Form, Group, Input, Label, NumberField } from 'react-aria-components';
import { ToggleSwitch } from '../../components/toggle-switch';
import { Controller, useForm } from 'react-hook-form';
import type { DemoOperation, ParsedRequestOf } from '../../../shared/contract';
import { CognitoErrorCode } from '../../../shared/errors';
import { demoControlsQuery, useClearFaults, useInjectFault, useSetThrottling } from '../../api/queries';
import { useFocusFirstInvalid } from '../../components/contract-form';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { SelectField, type SelectItem } from '../../components/select-field';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { faultFormSchema, INITIAL_FAULT, NO_EXCEPTION, type CognitoException } from './fault-request';

// Lets a trainer make the offline emulator fail or slow down the way real Cognito can, so operators
// practise reading the console's errors before they meet them on a live call.

/** What each operation is for in the console, said under its name (every operation has one). */
const OPERATIONS: Record<DemoOperation, MessageId> = {
  ForgotPassword: 'demo.operation.forgotPassword',
  ConfirmForgotPassword: 'demo.operation.confirmForgotPassword',
  ListUsers: 'demo.operation.listUsers',
  AdminGetUser: 'demo.operation.adminGetUser',
  DescribeUserPool: 'demo.operation.describeUserPool',
  DescribeUserPoolClient: 'demo.operation.describeUserPoolClient',
  ListUserPools: 'demo.operation.listUserPools',
  ListUserPoolClients: 'demo.operation.listUserPoolClients',
  InitiateAuth: 'demo.operation.initiateAuth',
  AdminCreateUser: 'demo.operation.notUsed',
  AdminResetUserPassword: 'demo.operation.notUsed',
  AdminSetUserPassword: 'demo.operation.notUsed',
  AdminListUserSessions: 'demo.operation.adminListUserSessions',
  AdminRevokeUserSession: 'demo.operation.adminRevokeUserSession',
  AdminUserGlobalSignOut: 'demo.operation.adminUserGlobalSignOut',
  AdminListUserAuthEvents: 'demo.operation.adminListUserAuthEvents',
  AdminUpdateAuthEventFeedback: 'demo.operation.adminUpdateAuthEventFeedback',
  AdminGetUserAuthFactors: 'demo.operation.adminGetUserAuthFactors',
  AdminSetUserMFAPreference: 'demo.operation.adminSetUserMfaPreference',
};

const POLL_MS = 2_000;

/** A Cognito exception as AWS names it (the contract carries it without the suffix). */
const exceptionName = (code: CognitoException) => `${code}Exception`;

/** Something said in the panel's status line, worded when shown (so it follows a change of language). */
type Said = { id: MessageId; values?: Record<string, string | number> };

/** "Injected: the next 2 ForgotPassword calls: wait 200 ms, then fail with CodeDeliveryFailureException." */
function injected(fault: ParsedRequestOf<'demo:injectFault'>): Said {
  const values = { count: fault.count, operation: fault.operation, delay: fault.delayMs ?? 0, exception: fault.error ? exceptionName(fault.error) : '' };
  if (fault.error && fault.delayMs) return { id: 'demo.fault.injectedBoth', values };
  return { id: fault.error ? 'demo.fault.injectedError' : 'demo.fault.injectedDelay', values };
}

export default function DemoControls({ onClose }: { onClose: () => void }) {
  const t = useT();
  const controls = useQuery({ ...demoControlsQuery(), refetchInterval: POLL_MS });
  const inject = useInjectFault();
  const clear = useClearFaults();
  const throttling = useSetThrottling();
  const [announcement, setAnnouncement] = useState<Said>();
  const formRef = useRef<HTMLFormElement>(null);
  const schema = useMemo(() => faultFormSchema(t), [t]);
  const form = useForm({ resolver: zodResolver(schema), defaultValues: INITIAL_FAULT, shouldFocusError: false });

  const injectFault = (fault: ParsedRequestOf<'demo:injectFault'>) =>
    inject.mutate(fault, { onSuccess: () => setAnnouncement(injected(fault)) });
  const refused = useFocusFirstInvalid(formRef, form.formState.errors);

  const faults = controls.data?.faults ?? [];
  const operationItems = useMemo(
    () => (Object.keys(OPERATIONS) as DemoOperation[]).map((id): SelectItem<DemoOperation> => ({ id, label: id, description: t(OPERATIONS[id]) })),
    [t],
  );
  const exceptionItems = useMemo(
    (): SelectItem<CognitoException | typeof NO_EXCEPTION>[] => [
      { id: NO_EXCEPTION, label: t('demo.fault.noException') },
      ...CognitoErrorCode.options.map((id) => ({ id, label: exceptionName(id) })),
    ],
    [t],
  );

  return (
    <aside className="demo-panel demo-controls" aria-labelledby="controls-heading">
      <div className="demo-panel-header">
        <h2 id="controls-heading">{t('demo.controls.title')}</h2>
        <Button className="button button-quiet" onPress={onClose} aria-label={t('demo.controls.closeLabel')}>
          {t('demo.controls.close')}
        </Button>
      </div>
      <p className="muted">{t('demo.controls.intro')}</p>

      {controls.isPending && <Loading>{t('demo.controls.loading')}</Loading>}
      {controls.isError && (
        <ErrorNotice error={controls.error} channel="demo:controls" title={t('demo.controls.readFailed')} onRetry={() => void controls.refetch()} />
      )}

      {controls.isSuccess && (
        <>
          <ToggleSwitch
            isSelected={controls.data.throttling}
            onChange={(enabled) =>
              throttling.mutate(
                { connectionId: 'demo', enabled },
                { onSuccess: (data) => setAnnouncement({ id: data.throttling ? 'demo.throttling.on' : 'demo.throttling.off' }) },
              )
            }
          >
            {t('demo.throttling.switch')}
          </ToggleSwitch>
          <p className="muted">{t('demo.throttling.hint')}</p>
          {throttling.isError && <ErrorNotice error={throttling.error} channel="demo:setThrottling" title={t('demo.throttling.failed')} />}

          <Form ref={formRef} className="fault-form" aria-labelledby="inject-heading" onSubmit={(event) => void form.handleSubmit(injectFault, refused)(event)}>
            <h3 id="inject-heading">{t('demo.fault.heading')}</h3>
            <Controller
              control={form.control}
              name="operation"
              render={({ field, fieldState }) => (
                <SelectField label={t('demo.fault.operation')} items={operationItems} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
              )}
            />
            <Controller
              control={form.control}
              name="error"
              render={({ field, fieldState }) => (
                <SelectField label={t('demo.fault.exception')} items={exceptionItems} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
              )}
            />
            <div className="fault-numbers">
              <Controller
                control={form.control}
                name="count"
                render={({ field, fieldState }) => (
                  <WholeNumber label={t('demo.fault.count')} min={1} max={100} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
                )}
              />
              <Controller
                control={form.control}
                name="delayMs"
                // The contract's "an exception, a delay, or both" sits on the Exception field: a delay answers it.
                rules={{ deps: ['error'] }}
                render={({ field, fieldState }) => (
                  <WholeNumber label={t('demo.fault.delay')} min={0} max={60_000} value={field.value} onChange={field.onChange} errorMessage={fieldState.error?.message} />
                )}
              />
            </div>
            <Button type="submit" className="button button-primary" isPending={inject.isPending}>
              {t('demo.fault.inject')}
            </Button>
            {inject.isError && <ErrorNotice error={inject.error} channel="demo:injectFault" title={t('demo.fault.injectFailed')} />}
          </Form>

          <section className="active-faults" aria-labelledby="active-faults-heading">
            <h3 id="active-faults-heading">{t('demo.faults.heading')}</h3>
            {faults.length === 0 ? (
              <p className="muted">{t('demo.faults.none')}</p>
            ) : (
              <ul className="fault-list" aria-labelledby="active-faults-heading">
                {faults.map((fault) => (
                  <li key={fault.id} className="fault-item">
                    <span className="mono">{fault.operation}</span>
                    <span>{fault.error ? exceptionName(fault.error) : t('demo.faults.noError')}</span>
                    {fault.delayMs ? <span>{t('demo.faults.after', { delay: fault.delayMs })}</span> : null}
                    <span className="badge badge-warn">{t('demo.faults.left', { count: fault.remaining })}</span>
                  </li>
                ))}
              </ul>
            )}
            <Button
              className="button button-secondary"
              isDisabled={faults.length === 0}
              isPending={clear.isPending}
              onPress={() => clear.mutate({ connectionId: 'demo' }, { onSuccess: () => setAnnouncement({ id: 'demo.faults.cleared' }) })}
            >
              {t('demo.faults.clear')}
            </Button>
            {clear.isError && <ErrorNotice error={clear.error} channel="demo:clearFaults" title={t('demo.faults.clearFailed')} />}
          </section>
        </>
      )}
      {/* One polite line for screen readers after each change. */}
      <p role="status" className="visually-hidden">
        {announcement ? t(announcement.id, announcement.values) : ''}
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
        {/* The signs are drawn by the style sheet; react-aria names the buttons ("Decrease …", "Increase …"). */}
        <Button slot="decrement" className="number-step number-step-down" />
        <Input />
        <Button slot="increment" className="number-step number-step-up" />
      </Group>
      <FieldError className="field-error">{errorMessage}</FieldError>
    </NumberField>
  );
}
