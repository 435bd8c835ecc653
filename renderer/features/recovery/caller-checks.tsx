import type { UseQueryResult } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { ResponseOf } from '../../../shared/contract';
import { callerCheckLabel, callerCheckTranslate } from '../../components/caller-check-label';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { TICKET_MAX_LENGTH, type TicketProblem, type TicketRule } from './action-record';

const TICKET_PROBLEMS: Readonly<Record<TicketProblem, MessageId>> = {
  'control-or-direction': 'recovery.callerChecks.ticketControlMarks',
  required: 'recovery.callerChecks.ticketRequired',
  pattern: 'recovery.callerChecks.ticketPattern',
};

const mono = (chunks: ReactNode[]) => <span className="mono">{chunks}</span>;

/** Under the ticket: whether the organization requires one, and in which form. */
function ticketHelp(t: ReturnType<typeof useT>, { required, pattern }: TicketRule): ReactNode {
  if (pattern) return t(required ? 'recovery.callerChecks.ticketRequiredForm' : 'recovery.callerChecks.ticketForm', { pattern, mono });
  return required ? t('recovery.callerChecks.ticketRequiredHelp') : t('recovery.callerChecks.ticketHelp');
}

interface CallerChecksProps {
  settings: UseQueryResult<ResponseOf<'settings:get'>>;
  ticket: string;
  onTicketChange: (ticket: string) => void;
  /** The checks the settings require (empty when caller verification is off). */
  required: string[];
  ticked: string[];
  onTickedChange: (ticked: string[]) => void;
  missing: string[];
  ticketProblem?: TicketProblem | undefined;
  /** What the organization's policy asks of the ticket. */
  ticketRule: TicketRule;
  /** The privileged side refused the ticket (an action was tried): its problem shows at once. */
  ticketRefused?: boolean;
}

/**
 * Who is calling, before anything is sent: the helpdesk ticket (optional, unless the organization
 * requires one, in the form it sets) and, when the settings ask for it, the verification checks the
 * caller passed. Kept for this user only, never stored.
 */
export function CallerChecks({ settings, ticket, onTicketChange, required, ticked, onTickedChange, missing, ticketProblem, ticketRule, ticketRefused = false }: CallerChecksProps) {
  const t = useT();
  // The ticket's form is checked as it is typed, and said once the operator leaves the field (not at
  // every key while it is half typed); text that cannot be recorded is said at once.
  const [left, setLeft] = useState(false);
  const shownProblem = ticketProblem && (ticketProblem === 'control-or-direction' || left || ticketRefused) ? ticketProblem : undefined;
  return (
    <section className="caller-checks" aria-labelledby="caller-heading">
      {/* Named for assistive technology; on screen the ticket's label says enough. */}
      <h5 id="caller-heading" className="visually-hidden">
        {t('recovery.callerChecks.heading')}
      </h5>
      <TextField
        className="field ticket-field"
        value={ticket}
        onChange={onTicketChange}
        maxLength={TICKET_MAX_LENGTH}
        isRequired={ticketRule.required}
        isInvalid={Boolean(shownProblem)}
        validationBehavior="aria"
        onBlur={() => setLeft(true)}
      >
        <Label>{t('recovery.callerChecks.ticket')}</Label>
        <Input className="input" autoComplete="off" spellCheck={false} />
        <Text slot="description" className="muted">
          {ticketHelp(t, ticketRule)}
        </Text>
        <FieldError className="field-error">{shownProblem && t(TICKET_PROBLEMS[shownProblem], { pattern: ticketRule.pattern ?? '', mono })}</FieldError>
      </TextField>

      {settings.isPending && <Loading>{t('recovery.callerChecks.loading')}</Loading>}
      {settings.isError && !settings.data && (
        <ErrorNotice
          error={settings.error}
          channel="settings:get"
          title={t('recovery.callerChecks.loadFailed')}
          onRetry={() => void settings.refetch()}
        />
      )}
      {required.length > 0 && (
        <CheckboxGroup className="caller-check-group" value={ticked} onChange={onTickedChange}>
          <Label className="group-label">{t('recovery.callerChecks.label')}</Label>
          <Text slot="description" className="muted">
            {t('recovery.callerChecks.help')}
          </Text>
          {required.map((check) => (
            <Checkbox key={check} value={check} className="caller-check">
              {({ isSelected }) => (
                <>
                  <span className="caller-check-box" aria-hidden="true">
                    {isSelected ? t('recovery.callerChecks.tick') : ''}
                  </span>
                  <span translate={callerCheckTranslate(check)}>{callerCheckLabel(t, check)}</span>
                </>
              )}
            </Checkbox>
          ))}
          <p className={`caller-check-summary ${missing.length === 0 ? 'is-complete' : 'is-incomplete'}`}>
            {missing.length === 0
              ? t('recovery.callerChecks.allPassed')
              : t('recovery.callerChecks.progress', { done: required.length - missing.length, total: required.length })}
          </p>
        </CheckboxGroup>
      )}
    </section>
  );
}
