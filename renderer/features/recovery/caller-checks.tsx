import type { UseQueryResult } from '@tanstack/react-query';
import { Checkbox, CheckboxGroup, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { ResponseOf } from '../../../shared/contract';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import { TICKET_MAX_LENGTH } from './action-record';

interface CallerChecksProps {
  settings: UseQueryResult<ResponseOf<'settings:get'>>;
  ticket: string;
  onTicketChange: (ticket: string) => void;
  /** The checks the settings require (empty when caller verification is off). */
  required: string[];
  ticked: string[];
  onTickedChange: (ticked: string[]) => void;
  missing: string[];
  ticketProblem?: string | undefined;
}

/**
 * Who is calling, before anything is sent: the helpdesk ticket (optional) and, when the settings
 * ask for it, the verification checks the caller passed. Kept for this user only, never stored.
 */
export function CallerChecks({ settings, ticket, onTicketChange, required, ticked, onTickedChange, missing, ticketProblem }: CallerChecksProps) {
  return (
    <section className="caller-checks" aria-labelledby="caller-heading">
      {/* Named for assistive technology; on screen the ticket's label says enough. */}
      <h5 id="caller-heading" className="visually-hidden">
        The caller
      </h5>
      <TextField
        className="field ticket-field"
        value={ticket}
        onChange={onTicketChange}
        maxLength={TICKET_MAX_LENGTH}
        isInvalid={Boolean(ticketProblem)}
        validationBehavior="aria"
      >
        <Label>Ticket</Label>
        <Input className="input" autoComplete="off" spellCheck={false} />
        <Text slot="description" className="muted">
          Optional; recorded in the audit log.
        </Text>
        <FieldError className="field-error">{ticketProblem}</FieldError>
      </TextField>

      {settings.isPending && <Loading>Reading the caller-verification settings…</Loading>}
      {settings.isError && !settings.data && (
        <ErrorNotice
          error={settings.error}
          channel="settings:get"
          title="Could not read the caller-verification settings"
          onRetry={() => void settings.refetch()}
        />
      )}
      {required.length > 0 && (
        <CheckboxGroup className="caller-check-group" value={ticked} onChange={onTickedChange}>
          <Label className="group-label">Caller verification</Label>
          <Text slot="description" className="muted">
            Tick each check once the caller has passed it. Every recovery action stays disabled until all are ticked.
          </Text>
          {required.map((check) => (
            <Checkbox key={check} value={check} className="caller-check">
              {({ isSelected }) => (
                <>
                  <span className="caller-check-box" aria-hidden="true">
                    {isSelected ? '✓' : ''}
                  </span>
                  <span>{check}</span>
                </>
              )}
            </Checkbox>
          ))}
          <p className={`caller-check-summary ${missing.length === 0 ? 'is-complete' : 'is-incomplete'}`}>
            {missing.length === 0
              ? 'The caller passed every check.'
              : `${required.length - missing.length} of ${required.length} checks done: recovery actions are disabled until all are ticked.`}
          </p>
        </CheckboxGroup>
      )}
    </section>
  );
}
