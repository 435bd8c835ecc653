import { useState, type ReactNode } from 'react';
import type { Connection } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { useTestConnection } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { useT } from '../../i18n/use-t';
import { ConnectionErrorNotice, MfaCodeForm } from './connection-problems';
import { connectionName, testResultLines, type TestResult } from './connection-wording';

type TestState =
  | { step: 'idle' }
  | { step: 'asking-code'; reason?: string }
  | { step: 'passed'; result: TestResult }
  | { step: 'failed'; error: unknown };

/**
 * Test (and the card's other buttons) for one connection: who its credentials are and which pools they see, or what went wrong and
 * what to do. A role that needs MFA asks for the code first (and whenever AWS says one is needed).
 */
export function ConnectionTest({ connection, disabled = false, children }: { connection: Connection; disabled?: boolean; children?: ReactNode }) {
  const t = useT();
  const test = useTestConnection();
  const [state, setState] = useState<TestState>({ step: 'idle' });

  const run = () => {
    if (connection.needsMfaCode) {
      setState({ step: 'asking-code' });
      return;
    }
    setState({ step: 'idle' });
    test.mutate(
      { connectionId: connection.id },
      {
        onSuccess: (result) => {
          test.reset();
          setState({ step: 'passed', result });
        },
        onError: (error) => {
          test.reset();
          const failure = toApiCallError(error, 'connections:test');
          if (failure.code === 'MfaCodeRequired') setState({ step: 'asking-code', reason: failure.message });
          else setState({ step: 'failed', error });
        },
      },
    );
  };

  return (
    <div className="connection-test">
      <div className="actions connection-actions">
        <BusyButton
          className="button button-secondary"
          onPress={run}
          isPending={test.isPending}
          isDisabled={disabled || state.step === 'asking-code'}
          aria-label={t('connections.test.label', { name: connectionName(connection, t) })}
        >
          {test.isPending ? t('connections.test.testing') : t('connections.test.run')}
        </BusyButton>
        {/* The card's other actions sit in the same row. */}
        {children}
      </div>
      <div className="connection-test-outcome" aria-live="polite">
        {state.step === 'passed' && (
          <div className="test-passed">
            {testResultLines(state.result, connection, t).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p className="field-hint">{t('connections.test.testedAt', { at: new Date(state.result.testedAt) })}</p>
          </div>
        )}
      </div>
      {state.step === 'asking-code' && (
        <MfaCodeForm
          connection={connection}
          reason={state.reason ?? t('connections.test.needsMfaCode')}
          onConnected={(result) => setState({ step: 'passed', result })}
          onCancel={() => setState({ step: 'idle' })}
        />
      )}
      {state.step === 'failed' && (
        <ConnectionErrorNotice error={state.error} channel="connections:test" title={t('connections.test.failed', { name: connectionName(connection, t) })} onRetry={run} />
      )}
    </div>
  );
}
