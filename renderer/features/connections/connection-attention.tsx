import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import type { Connection } from '../../../shared/contract';
import type { ErrorCode } from '../../../shared/errors';
import { ApiCallError } from '../../api/client';
import { retryConnectionQueries } from '../../api/queries';
import { errorWords } from '../../components/error-words';
import { useT } from '../../i18n/use-t';
import { ConnectionErrorNotice, MfaCodeForm } from './connection-problems';
import { connectionName } from './connection-wording';

/** Failures the operator can fix from here, whichever screen's call ran into them. */
const FIXABLE: readonly ErrorCode[] = ['MfaCodeRequired', 'SsoLoginRequired', 'SecretsUnavailable'];

interface Attention {
  connectionId: string;
  error: ApiCallError;
}

function requestConnectionId(request: unknown): string | undefined {
  return typeof request === 'object' && request !== null && 'connectionId' in request && typeof request.connectionId === 'string'
    ? request.connectionId
    : undefined;
}

/**
 * Watches every call made through the current connection. When one fails because the role needs an MFA
 * code, the SSO sign-in has expired or typed-in keys are gone, says so once, at the top, with the way
 * out: the code prompt, the `aws sso login` command, or the keys form. Any later success clears it.
 */
export function ConnectionAttention({ connection, onReenterKeys }: { connection: Connection; onReenterKeys: (connectionId: string) => void }) {
  const t = useT();
  const queryClient = useQueryClient();
  const [attention, setAttention] = useState<Attention>();

  useEffect(() => {
    const seen = (connectionId: string | undefined, outcome: 'error' | 'success', error?: unknown) => {
      if (!connectionId) return;
      if (outcome === 'error' && error instanceof ApiCallError && FIXABLE.includes(error.code)) {
        setAttention({ connectionId, error });
      } else if (outcome === 'success') {
        setAttention((current) => (current?.connectionId === connectionId ? undefined : current));
      }
    };
    const offQueries = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || (event.action.type !== 'error' && event.action.type !== 'success')) return;
      seen(requestConnectionId(event.query.queryKey[1]), event.action.type, event.action.type === 'error' ? event.action.error : undefined);
    });
    const offMutations = queryClient.getMutationCache().subscribe((event) => {
      if (event.type !== 'updated' || (event.action.type !== 'error' && event.action.type !== 'success')) return;
      seen(requestConnectionId(event.mutation.state.variables), event.action.type, event.action.type === 'error' ? event.action.error : undefined);
    });
    return () => {
      offQueries();
      offMutations();
    };
  }, [queryClient]);

  if (!attention || attention.connectionId !== connection.id) return null;
  const { error } = attention;
  const clear = () => setAttention(undefined);

  return (
    <section className="connection-attention" aria-labelledby="connection-attention-heading">
      <h2 id="connection-attention-heading" className="connection-attention-title">
        {t('connections.attention.title', { name: connectionName(connection, t) })}
      </h2>
      {error.code === 'MfaCodeRequired' && (
        <MfaCodeForm
          connection={connection}
          reason={t('connections.attention.mfaReason', { reason: errorWords(t, error.failure).message })}
          onConnected={clear}
        />
      )}
      {error.code === 'SsoLoginRequired' && (
        <>
          <ConnectionErrorNotice error={error} channel={error.channel} title={t('connections.attention.ssoExpired')} />
          <Button
            className="button button-primary"
            onPress={() => {
              // Cleared now; it comes back if the calls are refused again.
              clear();
              void retryConnectionQueries(queryClient, connection.id);
            }}
          >
            {t('connections.attention.signedIn')}
          </Button>
        </>
      )}
      {error.code === 'SecretsUnavailable' && (
        <div className="notice notice-warning">
          <p className="notice-title">{t('connections.attention.keysGone')}</p>
          <p>{errorWords(t, error.failure).message}</p>
          <p className="notice-guidance">{errorWords(t, error.failure).guidance}</p>
          <Button className="button button-primary" onPress={() => onReenterKeys(connection.id)}>
            {t('connections.connection.reenterKeys')}
          </Button>
        </div>
      )}
    </section>
  );
}
