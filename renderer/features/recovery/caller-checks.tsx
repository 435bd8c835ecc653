import type { UseQueryResult } from '@tanstack/react-query';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { ResponseOf } from '../../../shared/contract';
import { callerCheckLabel } from '../../components/caller-check-label';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { TICKET_MAX_LENGTH, type TicketProblem } from './action-record';

const TICKET_PROBLEMS: Readonly<Record<TicketProblem, MessageId>> = {
  'control-or-direction': 'recovery.callerChecks.ticketControlMarks',
};

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
}

/**
 * Who is calling, before anything is sent: the helpdesk ticket (optional) and, when the settings
 * ask for it, the verification checks the caller passed. Kept for this user only, never stored.
 */
export function CallerChecks({ settings, ticket, onTicketChange, required, ticked, onTickedChange, missing, ticketProblem }: CallerChecksProps) {
  const t = useT();
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
        isInvalid={Boolean(ticketProblem)}
        validationBehavior="aria"
      >
        <Label>{t('recovery.callerChecks.ticket')}</Label>
        <Input className="input" autoComplete="off" spellCheck={false} />
        <Text slot="description" className="muted">
          {t('recovery.callerChecks.ticketHelp')}
        </Text>
        <FieldError className="field-error">{ticketProblem && t(TICKET_PROBLEMS[ticketProblem])}</FieldError>
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
                  <span>{callerCheckLabel(t, check)}</span>
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
