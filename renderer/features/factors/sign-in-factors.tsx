import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { MfaResetResult } from '../../../shared/auth-factors';
import type { PoolDetails } from '../../../shared/contract';
import { authFactorsQuery, policyQuery, useRecoveryAction } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ConfirmDialog, ConfirmDialogActions } from '../../components/confirm-dialog';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { useT } from '../../i18n/use-t';
import type { ActionRecord } from '../recovery/action-record';
import { policyAllows } from '../recovery/policy-guide';
import { mfaWords, signInMethodsWords } from './factor-words';

interface SignInFactorsProps {
  connectionId: string;
  pool: PoolDetails;
  username: string;
  /** The ticket and caller checks of this call, recorded with the reset. */
  record: ActionRecord;
  /** Whether the ticket and caller checks allow an action now, and why not. */
  canAct: boolean;
  whyNot?: string | undefined;
}

/**
 * How the user signs in (AdminGetUserAuthFactors) and their MFA, with "Reset MFA" for a caller who
 * lost their MFA device, behind a confirmation that says what the pool will ask of them next.
 */
export function SignInFactors({ connectionId, pool, username, record, canAct, whyNot }: SignInFactorsProps) {
  const t = useT();
  const target = { connectionId, userPoolId: pool.id, username };
  const factors = useQuery(authFactorsQuery(target));
  const policy = useQuery(policyQuery());
  const reset = useRecoveryAction('users:resetMfa');
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<MfaResetResult | undefined>();
  const poolRequiresMfa = pool.mfaConfiguration === 'ON';

  const close = (open: boolean) => {
    setConfirming(open);
    if (!open) reset.reset();
  };

  if (!factors.data) {
    if (factors.isError) return <ErrorNotice error={factors.error} channel="users:authFactors" title={t('factors.title')} onRetry={() => void factors.refetch()} />;
    return <Loading>{t('factors.loading')}</Loading>;
  }
  const { configured, hasPassword, mfaMethods, preferredMfa } = factors.data;
  const signIn = configured.filter((factor) => factor !== 'PASSWORD');
  const methods = mfaMethods.map((method) => (method === preferredMfa ? t('factors.mfa.preferred', { method: mfaWords(t, method) }) : mfaWords(t, method)));

  return (
    <section className="sign-in-factors" aria-labelledby="factors-heading">
      <h5 id="factors-heading">{t('factors.title')}</h5>
      <dl className="facts facts-tight">
        <dt>{t('factors.password.label')}</dt>
        <dd>{hasPassword ? t('factors.password.yes') : <strong>{t('factors.password.no')}</strong>}</dd>
        <dt>{t('factors.signIn.label')}</dt>
        <dd>{configured.length === 0 ? t('factors.signIn.none') : signInMethodsWords(t, hasPassword ? ['PASSWORD', ...signIn] : signIn)}</dd>
        <dt>{t('factors.mfa.label')}</dt>
        <dd>{methods.length === 0 ? t('factors.mfa.none') : t.intl.formatList(methods, { type: 'unit' })}</dd>
      </dl>

      {done && (
        <p role="status" className="notice">
          {[t('factors.reset.done', { username, count: done.turnedOff.length }), done.poolRequiresMfa ? t('factors.reset.doneRequired') : t('factors.reset.doneOptional')].join(' ')}
        </p>
      )}

      {mfaMethods.length > 0 && policy.data && !policyAllows(policy.data, 'resetMfa') && <p className="muted">{t('factors.reset.notAllowed')}</p>}
      {mfaMethods.length > 0 && policyAllows(policy.data, 'resetMfa') && (
        <div className="actions">
          <ConfirmDialog
            trigger={
              <Button className="button button-secondary" isDisabled={!canAct}>
                {t('factors.reset.open')}
              </Button>
            }
            isOpen={confirming}
            onOpenChange={close}
            isPending={reset.isPending}
            title={t('factors.reset.heading', { username })}
          >
            <p>{t('factors.reset.explain')}</p>
            <p>{poolRequiresMfa ? t('factors.reset.requiredPool') : t('factors.reset.optionalPool')}</p>
            {reset.isError && (
              <ErrorNotice error={reset.error} channel="users:resetMfa" title={t('factors.reset.failed')} titleIfUnknown={t('factors.reset.unknown')} />
            )}
            <ConfirmDialogActions>
              <Button className="button button-secondary" isDisabled={reset.isPending} onPress={() => close(false)}>
                {t('factors.reset.cancel')}
              </Button>
              <BusyButton
                className="button button-primary"
                isPending={reset.isPending}
                onPress={() => {
                  if (reset.isPending) return;
                  setDone(undefined);
                  reset.mutate(
                    { ...target, ...record },
                    {
                      onSuccess: (result) => {
                        close(false);
                        setDone(result);
                      },
                    },
                  );
                }}
              >
                {reset.isPending ? t('factors.reset.sending') : t('factors.reset.confirm')}
              </BusyButton>
            </ConfirmDialogActions>
          </ConfirmDialog>
          {!canAct && whyNot && <span className="muted">{whyNot}</span>}
        </div>
      )}
    </section>
  );
}
