import type { AppClient, PoolDetails, UserDetails } from '../../../shared/contract';
import { recoveryOrderSummary, secretWording } from '../pools/pool-wording';
import { assessReadiness, type ReadinessNote, type RecoveryRoute } from './recovery-readiness';

interface ReadinessPanelProps {
  user: UserDetails;
  pool: PoolDetails;
  client: AppClient | undefined;
}

function routeWords(route: RecoveryRoute): string {
  switch (route.kind) {
    case 'email':
      return `by email to ${route.destination}`;
    case 'sms':
      return `by text message (SMS) to ${route.destination}`;
    case 'admin-only':
      return 'nowhere: administrators only';
    case 'none':
      return 'nowhere: no channel qualifies';
  }
}

const SEVERITY_WORDS: Record<ReadinessNote['severity'], string> = {
  blocker: 'Problem',
  warning: 'Check',
  info: 'Note',
};

/** What ForgotPassword will do for this user, worked out before anything is sent. */
export function ReadinessPanel({ user, pool, client }: ReadinessPanelProps) {
  const readiness = assessReadiness(user, pool);
  const blocked = readiness.notes.some((note) => note.severity === 'blocker');
  const reachable = readiness.route.kind === 'email' || readiness.route.kind === 'sms';
  return (
    <section className={`panel readiness ${blocked ? 'readiness-blocked' : 'readiness-ok'}`} aria-labelledby="readiness-heading">
      <h4 id="readiness-heading">Recovery readiness</h4>
      <p className="readiness-verdict">
        {blocked
          ? 'Not ready: a reset is unlikely to work until the problem below is dealt with.'
          : `Ready. Cognito will send the code ${routeWords(readiness.route)}.`}
      </p>
      <dl className="facts">
        {blocked && (
          <>
            <dt>Code would go</dt>
            <dd>{routeWords(readiness.route)}</dd>
          </>
        )}
        <dt>Chosen by</dt>
        <dd>
          {readiness.rule === 'legacy'
            ? 'Cognito’s legacy rule (the pool has no recovery setting): verified phone, then verified email'
            : `the pool’s recovery setting: ${recoveryOrderSummary(pool)}`}
        </dd>
        <dt>Verified</dt>
        <dd>
          email {readiness.verifiedEmail ? 'yes' : 'no'} · phone {readiness.verifiedPhone ? 'yes' : 'no'}
        </dd>
        {reachable && (
          <>
            <dt>App client</dt>
            <dd>{client ? `${client.clientName}: ${secretWording(client)}` : 'choose one below'}</dd>
          </>
        )}
      </dl>
      {readiness.notes.length > 0 && (
        <ul className="notes">
          {readiness.notes.map((note) => (
            <li key={note.id} className={`note note-${note.severity}`}>
              <strong>{SEVERITY_WORDS[note.severity]}:</strong> {note.text}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
