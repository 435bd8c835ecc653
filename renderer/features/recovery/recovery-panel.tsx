import { useEffect, useRef, useState } from 'react';
import { Button, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import type { AppClient, PoolDetails, ResponseOf } from '../../../shared/contract';
import { useForgotPassword } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { formatTime } from '../../components/format';
import { secretWording, userExistenceWording } from '../pools/pool-wording';
import { ConfirmForm } from './confirm-form';
import { DeliveryDetails } from './delivery-details';

export interface RecoveryPanelProps {
  connectionId: string;
  pool: PoolDetails;
  username: string;
  clients: AppClient[];
  clientId: string | undefined;
  onClientChange: (clientId: string) => void;
}

/** ForgotPassword, then ConfirmForgotPassword, for one user, while the caller is on the phone. */
export default function RecoveryPanel({ connectionId, pool, username, clients, clientId, onClientChange }: RecoveryPanelProps) {
  const forgot = useForgotPassword();
  const [enterCodeAnyway, setEnterCodeAnyway] = useState(false);
  const [confirmedAt, setConfirmedAt] = useState<string>();
  const client = clients.find((c) => c.clientId === clientId);

  const target = client ? { connectionId, userPoolId: pool.id, clientId: client.clientId, username } : undefined;
  const sent: ResponseOf<'recovery:forgotPassword'> | undefined = forgot.data;
  const sentWith = clients.find((c) => c.clientId === forgot.variables?.clientId);

  const startOver = () => {
    forgot.reset();
    setEnterCodeAnyway(false);
    setConfirmedAt(undefined);
  };

  if (confirmedAt) return <RecoveryDone username={username} confirmedAt={confirmedAt} onStartOver={startOver} />;

  return (
    <section className="panel recovery" aria-labelledby="recovery-heading">
      <h4 id="recovery-heading">Reset password</h4>
      {clients.length === 0 ? (
        <p>This pool has no app clients, so a recovery code cannot be requested from here.</p>
      ) : (
        <RadioGroup className="client-choice" value={clientId ?? null} onChange={onClientChange}>
          <Label className="group-label">App client</Label>
          <Text slot="description" className="muted">
            Use the app the caller signs in to; its settings decide how Cognito answers.
          </Text>
          {clients.map((c) => (
            <Radio key={c.clientId} value={c.clientId} className="client-option">
              <span className="client-name">{c.clientName}</span>
              <span className="client-meta">{secretWording(c)}</span>
              <span className="client-meta">Prevent user existence errors: {userExistenceWording(c)}</span>
            </Radio>
          ))}
        </RadioGroup>
      )}

      <div className="actions">
        <Button
          className={`button ${sent ? 'button-secondary' : 'button-primary'}`}
          isDisabled={!target}
          isPending={forgot.isPending}
          onPress={() => target && forgot.mutate(target)}
        >
          {forgot.isPending ? 'Sending…' : sent ? 'Send a new code' : 'Send recovery code'}
        </Button>
        {!sent && !enterCodeAnyway && target && (
          <Button className="button button-quiet" onPress={() => setEnterCodeAnyway(true)}>
            The caller already has a code
          </Button>
        )}
      </div>
      {!target && clients.length > 0 && <p className="muted">Choose an app client to send a code.</p>}

      {forgot.isError && <ErrorNotice error={forgot.error} channel="recovery:forgotPassword" title="The recovery code was not sent" />}
      {sent && <DeliveryDetails key={sent.sentAt} response={sent} client={sentWith} />}

      {target && (sent || enterCodeAnyway) && (
        <ConfirmForm target={target} policy={pool.passwordPolicy} onConfirmed={setConfirmedAt} />
      )}
    </section>
  );
}

function RecoveryDone({ username, confirmedAt, onStartOver }: { username: string; confirmedAt: string; onStartOver: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Move focus to the outcome so keyboard and screen-reader users land on it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  return (
    <section className="panel recovery-done" aria-labelledby="done-heading">
      <h4 id="done-heading" ref={headingRef} tabIndex={-1}>
        Password changed
      </h4>
      <p>
        <strong>{username}</strong> can now sign in with the new password.
      </p>
      <p className="muted">
        Cognito confirmed the change at {formatTime(confirmedAt)}. The code cannot be used again.
      </p>
      <Button className="button button-secondary" onPress={onStartOver}>
        Start another reset for this user
      </Button>
    </section>
  );
}
