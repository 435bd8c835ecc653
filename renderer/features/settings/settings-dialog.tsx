import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, FieldError, Heading, Input, Label, Modal, ModalOverlay, Switch, Text, TextField } from 'react-aria-components';
import type { ResponseOf } from '../../../shared/contract';
import { controlOrDirectionMessage, hasControlOrDirectionMarks } from '../../../shared/plain-text';
import { settingsQuery, useUpdateSettings } from '../../api/queries';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';

// The limits mirror the contract's Settings schema (type-only imports keep zod out of the page).
const MAX_DISPLAY_NAME = 100;
const MAX_CHECKS = 20;
const MAX_CHECK_LENGTH = 200;

/**
 * Offered when caller verification is turned on with no checks at all; the operator can change every
 * one. The same as the privileged side's defaults, which a fresh install starts with.
 */
const SUGGESTED_CHECKS = [
  "Caller gave the account's email address or phone number",
  'Caller confirmed the ticket number',
  'Caller answered a security question on file',
] as const;

type Settings = ResponseOf<'settings:get'>;

/** The operator's own settings in a modal dialog: display name and caller verification. */
export default function SettingsDialog({ onClose }: { onClose: () => void }) {
  const settings = useQuery(settingsQuery());
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal settings-modal">
        <Dialog className="dialog">
          <div className="dialog-header">
            <Heading slot="title">Settings</Heading>
            <Button className="button button-quiet" onPress={onClose} aria-label="Close settings">
              Close
            </Button>
          </div>
          {settings.isPending && <Loading>Loading your settings…</Loading>}
          {settings.isError && (
            <ErrorNotice error={settings.error} channel="settings:get" title="Could not read the settings" onRetry={() => void settings.refetch()} />
          )}
          {/* The form starts from the saved values; after a save it already shows them. */}
          {settings.isSuccess && <SettingsForm saved={settings.data} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface Check {
  /** Stable across edits and removals, so each field keeps its focus and messages. */
  key: number;
  text: string;
}

interface Problems {
  displayName?: string;
  checks?: string;
  byCheck: Map<number, string>;
}

function validate(displayName: string, enabled: boolean, checks: Check[]): Problems {
  const problems: Problems = { byCheck: new Map() };
  const name = displayName.trim();
  if (name.length > MAX_DISPLAY_NAME) {
    problems.displayName = `A display name has at most ${MAX_DISPLAY_NAME} characters; this one has ${name.length}.`;
  } else if (hasControlOrDirectionMarks(name)) problems.displayName = controlOrDirectionMessage('A display name');
  // Turned off, the list is kept for next time but not checked: the fields are not even shown.
  if (!enabled) return problems;
  if (checks.length === 0) problems.checks = 'Add at least one check, or turn caller verification off.';
  if (checks.length > MAX_CHECKS) problems.checks = `Keep at most ${MAX_CHECKS} checks.`;
  const seen = new Set<string>();
  for (const check of checks) {
    const text = check.text.trim();
    const folded = text.toLocaleLowerCase();
    if (text === '') problems.byCheck.set(check.key, 'Write the check, or remove it.');
    else if (text.length > MAX_CHECK_LENGTH) {
      problems.byCheck.set(check.key, `A check has at most ${MAX_CHECK_LENGTH} characters; this one has ${text.length}.`);
    } else if (hasControlOrDirectionMarks(text)) problems.byCheck.set(check.key, controlOrDirectionMessage('A check'));
    else if (seen.has(folded)) problems.byCheck.set(check.key, 'This check is already in the list.');
    seen.add(folded);
  }
  return problems;
}

function hasProblems(problems: Problems): boolean {
  return Boolean(problems.displayName || problems.checks || problems.byCheck.size > 0);
}

/** The checks worth keeping while verification is off: written, not too long, not repeated. */
function keepableChecks(checks: Check[]): string[] {
  const kept: string[] = [];
  for (const check of checks) {
    const text = check.text.trim();
    if (text && text.length <= MAX_CHECK_LENGTH && !hasControlOrDirectionMarks(text) && !kept.some((k) => k.toLocaleLowerCase() === text.toLocaleLowerCase())) kept.push(text);
  }
  return kept.slice(0, MAX_CHECKS);
}

function SettingsForm({ saved, onClose }: { saved: Settings; onClose: () => void }) {
  const update = useUpdateSettings();
  const nextKey = useRef(saved.callerVerification.checks.length);
  const formRef = useRef<HTMLFormElement>(null);
  const [displayName, setDisplayName] = useState(saved.operatorDisplayName ?? '');
  const [enabled, setEnabled] = useState(saved.callerVerification.enabled);
  const [checks, setChecks] = useState<Check[]>(() => saved.callerVerification.checks.map((text, key) => ({ key, text })));
  const [problems, setProblems] = useState<Problems | undefined>();
  const [announcement, setAnnouncement] = useState('');
  // Once a save was refused, messages follow the edits; before that, nobody is told off while typing.
  const shown = problems ? validate(displayName, enabled, checks) : undefined;

  const newCheck = (text: string): Check => ({ key: nextKey.current++, text });

  const focusLater = (selector: string) => {
    window.requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>(selector)?.focus());
  };

  const toggle = (on: boolean) => {
    setEnabled(on);
    if (on && checks.length === 0) {
      setChecks(SUGGESTED_CHECKS.map(newCheck));
      setAnnouncement(`Caller verification turned on, with ${SUGGESTED_CHECKS.length} suggested checks you can change. Save to keep it.`);
    } else {
      setAnnouncement(on ? 'Caller verification turned on. Save to keep it.' : 'Caller verification turned off. Save to keep it.');
    }
  };

  const addCheck = () => {
    const check = newCheck('');
    setChecks((list) => [...list, check]);
    setAnnouncement(`Check ${checks.length + 1} added.`);
    focusLater(`[data-check="${check.key}"]`);
  };

  const removeCheck = (index: number) => {
    setChecks((list) => list.filter((_, i) => i !== index));
    setAnnouncement(`Check ${index + 1} removed.`);
    // Focus the check that took its place, else the one before, else the add button.
    const remaining = checks.filter((_, i) => i !== index);
    const next = remaining[index] ?? remaining[index - 1];
    focusLater(next ? `[data-check="${next.key}"]` : '[data-add-check]');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validate(displayName, enabled, checks);
    if (hasProblems(found)) {
      setProblems(found);
      setAnnouncement('');
      const firstCheck = checks.find((c) => found.byCheck.has(c.key));
      focusLater(found.displayName ? '[data-display-name]' : firstCheck ? `[data-check="${firstCheck.key}"]` : '[data-add-check]');
      return;
    }
    setProblems(undefined);
    update.mutate(
      {
        // An empty name clears it: the audit log then shows only the computer account.
        operatorDisplayName: displayName.trim(),
        callerVerification: { enabled, checks: enabled ? checks.map((c) => c.text.trim()) : keepableChecks(checks) },
      },
      { onSuccess: () => setAnnouncement('Settings saved.') },
    );
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={submit} noValidate>
      <section className="settings-section" aria-labelledby="settings-you-heading">
        <h3 id="settings-you-heading">You</h3>
        <TextField
          className="field"
          value={displayName}
          onChange={setDisplayName}
          isInvalid={Boolean(shown?.displayName)}
          validationBehavior="aria"
        >
          <Label>Display name</Label>
          <Input className="input" data-display-name autoComplete="name" spellCheck={false} />
          <Text slot="description" className="field-hint">
            Recorded in the audit log next to your computer account. Up to {MAX_DISPLAY_NAME} characters; leave it empty to record the account only.
          </Text>
          <FieldError className="field-error">{shown?.displayName}</FieldError>
        </TextField>
        <TextField className="field" value={saved.osUser} isReadOnly>
          <Label>Computer account</Label>
          <Input className="input input-readonly" />
          <Text slot="description" className="field-hint">
            The operating-system user running Recovery Desk. Always recorded; it cannot be changed here.
          </Text>
        </TextField>
      </section>

      <section className="settings-section" aria-labelledby="settings-verification-heading">
        <h3 id="settings-verification-heading">Caller verification</h3>
        <Switch className="switch" isSelected={enabled} onChange={toggle}>
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Ask for caller verification before every recovery action
        </Switch>
        <p className="field-hint">
          When on, a code cannot be sent and a password cannot be changed until every check below is ticked. The ticked
          checks are recorded in the audit log.
        </p>
        {enabled && (
          <div className="check-editor">
            <ol className="check-list" aria-label="Checks">
              {checks.map((check, index) => {
                const problem = shown?.byCheck.get(check.key);
                return (
                  <li key={check.key} className="check-item">
                    <TextField
                      className="field check-field"
                      value={check.text}
                      onChange={(text) => setChecks((list) => list.map((c) => (c.key === check.key ? { ...c, text } : c)))}
                      isInvalid={Boolean(problem)}
                      validationBehavior="aria"
                    >
                      <Label>Check {index + 1}</Label>
                      <Input className="input" data-check={check.key} spellCheck={false} />
                      <FieldError className="field-error">{problem}</FieldError>
                    </TextField>
                    <Button className="button button-quiet check-remove" onPress={() => removeCheck(index)} aria-label={`Remove check ${index + 1}`}>
                      Remove
                    </Button>
                  </li>
                );
              })}
            </ol>
            {shown?.checks && (
              <p className="field-error" role="alert">
                {shown.checks}
              </p>
            )}
            <div className="actions">
              <Button className="button button-secondary" data-add-check onPress={addCheck} isDisabled={checks.length >= MAX_CHECKS}>
                Add a check
              </Button>
              {checks.length >= MAX_CHECKS && <span className="field-hint">That is the most: {MAX_CHECKS} checks.</span>}
            </div>
          </div>
        )}
      </section>

      {update.isError && <ErrorNotice error={update.error} channel="settings:update" title="The settings were not saved" />}
      <p role="status" className="settings-status">
        {announcement}
      </p>
      <div className="dialog-actions">
        <Button type="submit" className="button button-primary" isPending={update.isPending}>
          {update.isPending ? 'Saving…' : 'Save settings'}
        </Button>
        <Button className="button button-secondary" onPress={onClose}>
          {update.isSuccess ? 'Done' : 'Cancel'}
        </Button>
      </div>
    </form>
  );
}
