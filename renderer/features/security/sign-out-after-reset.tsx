import { useState } from 'react';
import { ErrorNotice } from '../../components/error-notice';
import { useT } from '../../i18n/use-t';
import { TickBox } from './tick-box';

// "Sign out everywhere" in the code step: checked when the call is marked as a possible compromise,
// and run as its own audited action once ConfirmForgotPassword has succeeded. The done view then says
// what happened to each: the password, and the sessions.

/** What became of the sign-out after the reset: not asked for, done at a time, or failed (its error). */
export type SignOutAfterReset = { kind: 'not-asked' } | { kind: 'done'; at: string } | { kind: 'failed'; error: unknown };

/** The checkbox's state: follows the compromise marker until the operator changes it here. */
export function useSignOutChoice(possibleCompromise: boolean) {
  // A choice holds while the marker stays as it was when it was made: a new marker value says what the call is now.
  const [choice, setChoice] = useState<{ selected: boolean; marker: boolean }>();
  const selected = choice?.marker === possibleCompromise ? choice.selected : possibleCompromise;
  return [selected, (next: boolean) => setChoice({ selected: next, marker: possibleCompromise })] as const;
}

export function SignOutAfterResetChoice({ isSelected, onChange, username, isDisabled }: { isSelected: boolean; onChange: (selected: boolean) => void; username: string; isDisabled: boolean }) {
  const t = useT();
  return (
    <div className="sign-out-after-reset">
      <TickBox isSelected={isSelected} onChange={onChange} isDisabled={isDisabled} label={t('security.afterReset.label')} />
      {/* What signing out cannot reach, said when it is chosen. */}
      {isSelected && <p className="muted">{t('security.afterReset.help', { username })}</p>}
    </div>
  );
}

/** The sign-out's part of the done view. */
export function SignOutAfterResetOutcome({ outcome, username }: { outcome: SignOutAfterReset; username: string }) {
  const t = useT();
  if (outcome.kind === 'not-asked') return <p className="muted">{t('security.afterReset.notAsked', { username })}</p>;
  if (outcome.kind === 'done') return <p>{t('security.afterReset.done', { username, at: new Date(outcome.at) })}</p>;
  return (
    <ErrorNotice
      error={outcome.error}
      channel="sessions:signOutEverywhere"
      title={t('security.afterReset.failed', { username })}
      titleIfUnknown={t('security.afterReset.unknown', { username })}
    />
  );
}
