import { useId, useMemo, useState, type FormEvent } from 'react';
import { Button, FieldError, Input, Label, Text, TextField } from 'react-aria-components';
import type { AuditOutcome } from '../../../shared/audit-record';
import { contract } from '../../../shared/contract';
import type { AuditFilters } from '../../api/queries';
import { SelectField, type SelectItem } from '../../components/select-field';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { localInputToIso } from './audit-time';

// The contract's own rules and words for the audit filters.
const FILTERS = contract['audit:list'].request.shape;

type Outcome = 'any' | AuditOutcome;

const OUTCOMES: Record<Outcome, MessageId> = {
  any: 'audit.filters.outcome.any',
  success: 'audit.filters.outcome.success',
  failure: 'audit.filters.outcome.failure',
  unknown: 'audit.filters.outcome.unknown',
};

interface Draft {
  username: string;
  operator: string;
  outcome: Outcome;
  /** datetime-local values: local wall-clock time, no offset. */
  from: string;
  to: string;
}

const EMPTY: Draft = { username: '', operator: '', outcome: 'any', from: '', to: '' };

/** The form's own message or the contract's (a messageRef), worded when shown so it follows the page's language. */
type Problem = { id: MessageId } | { ref: string };
type Problems = Partial<Record<keyof Draft, Problem>>;

/** A zod issue's message from the contract, as a problem. */
function contractProblem(message: string | undefined): Problem | undefined {
  return message === undefined ? undefined : { ref: message };
}

function check(draft: Draft): { problems: Problems; filters: AuditFilters } {
  const problems: Problems = {};
  const filters: AuditFilters = {};
  const username = draft.username.trim();
  const operator = draft.operator.trim();
  const usernameCheck = FILTERS.username.safeParse(username);
  if (!usernameCheck.success) problems.username = contractProblem(usernameCheck.error.issues[0]?.message);
  else if (username) filters.username = username;
  const operatorCheck = FILTERS.operator.safeParse(operator);
  if (!operatorCheck.success) problems.operator = contractProblem(operatorCheck.error.issues[0]?.message);
  else if (operator) filters.operator = operator;
  if (draft.outcome !== 'any') filters.outcome = draft.outcome;

  if (draft.from) {
    const from = localInputToIso(draft.from, 'start');
    if (from) filters.from = from;
    else problems.from = { id: 'audit.filters.incompleteTime' };
  }
  if (draft.to) {
    const to = localInputToIso(draft.to, 'end');
    if (to) filters.to = to;
    else problems.to = { id: 'audit.filters.incompleteTime' };
  }
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
    problems.to = { id: 'audit.filters.endBeforeStart' };
  }
  return { problems, filters };
}

interface AuditFilterFormProps {
  onApply: (filters: AuditFilters) => void;
  isFiltered: boolean;
}

/** Narrows the log by user, operator, outcome and time. Applied on submit, so typing does not reload the table. */
export function AuditFilterForm({ onApply, isFiltered }: AuditFilterFormProps) {
  const t = useT();
  const say = (problem: Problem | undefined) => (problem === undefined ? undefined : 'id' in problem ? t(problem.id) : t.ref(problem.ref));
  const outcomes = useMemo(() => (Object.keys(OUTCOMES) as Outcome[]).map((id): SelectItem<Outcome> => ({ id, label: t(OUTCOMES[id]) })), [t]);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [problems, setProblems] = useState<Problems>({});
  const fromId = useId();
  const toId = useId();
  const timeHintId = useId();

  const update = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    // A fixed field stops showing its message at once; the others wait for the next submit.
    setProblems((p) => (p[key] ? { ...p, [key]: undefined } : p));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const result = check(draft);
    setProblems(result.problems);
    const firstProblem = (Object.keys(result.problems) as (keyof Draft)[]).find((key) => result.problems[key]);
    if (firstProblem) {
      event.currentTarget.querySelector<HTMLElement>(`[data-filter="${firstProblem}"]`)?.focus();
      return;
    }
    onApply(result.filters);
  };

  const clear = () => {
    setDraft(EMPTY);
    setProblems({});
    onApply({});
  };

  return (
    <form className="audit-filters" role="search" aria-label={t('audit.filters.label')} onSubmit={submit} noValidate>
      <TextField
        className="field"
        value={draft.username}
        onChange={(value) => update('username', value)}
        isInvalid={Boolean(problems.username)}
        validationBehavior="aria"
      >
        <Label>{t('audit.filters.username')}</Label>
        <Input className="input" data-filter="username" autoComplete="off" spellCheck={false} />
        <FieldError className="field-error">{say(problems.username)}</FieldError>
      </TextField>
      <TextField
        className="field"
        value={draft.operator}
        onChange={(value) => update('operator', value)}
        isInvalid={Boolean(problems.operator)}
        validationBehavior="aria"
      >
        <Label>{t('audit.filters.operator')}</Label>
        <Input className="input" data-filter="operator" autoComplete="off" spellCheck={false} />
        <Text slot="description" className="field-hint">
          {t('audit.filters.operatorHint')}
        </Text>
        <FieldError className="field-error">{say(problems.operator)}</FieldError>
      </TextField>
      <SelectField label={t('audit.filters.outcome')} items={outcomes} value={draft.outcome} onChange={(outcome) => update('outcome', outcome)} />
      <div className="field">
        <label htmlFor={fromId} className="react-aria-Label">
          {t('audit.filters.from')}
        </label>
        <input
          id={fromId}
          type="datetime-local"
          className="input"
          data-filter="from"
          value={draft.from}
          onChange={(event) => update('from', event.target.value)}
          aria-invalid={problems.from ? true : undefined}
          aria-describedby={problems.from ? `${timeHintId} ${fromId}-error` : timeHintId}
        />
        {problems.from && (
          <span id={`${fromId}-error`} className="field-error">
            {say(problems.from)}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={toId} className="react-aria-Label">
          {t('audit.filters.to')}
        </label>
        <input
          id={toId}
          type="datetime-local"
          className="input"
          data-filter="to"
          value={draft.to}
          onChange={(event) => update('to', event.target.value)}
          aria-invalid={problems.to ? true : undefined}
          aria-describedby={problems.to ? `${timeHintId} ${toId}-error` : timeHintId}
        />
        {problems.to && (
          <span id={`${toId}-error`} className="field-error">
            {say(problems.to)}
          </span>
        )}
      </div>
      <p id={timeHintId} className="field-hint audit-time-hint">
        {t('audit.filters.timeHint')}
      </p>
      <div className="audit-filter-actions">
        <Button type="submit" className="button button-primary">
          {t('audit.filters.apply')}
        </Button>
        <Button className="button button-secondary" onPress={clear} isDisabled={!isFiltered && draft === EMPTY}>
          {t('audit.filters.clear')}
        </Button>
      </div>
    </form>
  );
}
