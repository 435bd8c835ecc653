import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, ModalOverlay, Switch, Text, TextField } from 'react-aria-components';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { MAX_CALLER_CHECKS, Settings, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract';
import { settingsQuery, useUpdateSettings } from '../../api/queries';
import { useFocusFirstInvalid } from '../../components/contract-form';
import { ErrorNotice } from '../../components/error-notice';
import { FormTextField } from '../../components/form-text-field';
import { Loading } from '../../components/loading';
import { settingsFormSchema, settingsFormValues } from './settings-request';

/** The contract's limit, said in the field's hint. */
const MAX_DISPLAY_NAME = Settings.shape.operatorDisplayName.unwrap().maxLength;

/**
 * Offered when caller verification is turned on with no checks at all; the operator can change every
 * one. The same as the privileged side's defaults, which a fresh install starts with.
 */
const SUGGESTED_CHECKS = [
  "Caller gave the account's email address or phone number",
  'Caller confirmed the ticket number',
  'Caller answered a security question on file',
] as const;

type SavedSettings = ResponseOf<'settings:get'>;

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

function SettingsForm({ saved, onClose }: { saved: SavedSettings; onClose: () => void }) {
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState('');
  // Messages show once a save was refused and then follow the edits: nobody is told off while typing.
  const form = useForm({ resolver: zodResolver(settingsFormSchema), defaultValues: settingsFormValues(saved), shouldFocusError: false });
  const checks = useFieldArray({ control: form.control, name: 'callerVerification.checks' });
  const { errors } = form.formState;
  const enabled = useWatch({ control: form.control, name: 'callerVerification.enabled' });
  const listProblem = errors.callerVerification?.checks?.root?.message ?? errors.callerVerification?.checks?.message;

  const toggle = (on: boolean) => {
    form.setValue('callerVerification.enabled', on);
    if (on && checks.fields.length === 0) {
      checks.replace(SUGGESTED_CHECKS.map((text) => ({ text })));
      setAnnouncement(`Caller verification turned on, with ${SUGGESTED_CHECKS.length} suggested checks you can change. Save to keep it.`);
    } else {
      setAnnouncement(on ? 'Caller verification turned on. Save to keep it.' : 'Caller verification turned off. Save to keep it.');
    }
  };

  const addCheck = () => {
    // append() moves focus to the new check.
    checks.append({ text: '' });
    setAnnouncement(`Check ${checks.fields.length + 1} added.`);
  };

  const removeCheck = (index: number) => {
    checks.remove(index);
    setAnnouncement(`Check ${index + 1} removed.`);
    // Focus the check that took its place, else the one before, else the add button.
    const remaining = checks.fields.length - 1;
    const next = index < remaining ? index : index - 1;
    window.requestAnimationFrame(() => {
      if (next >= 0) form.setFocus(`callerVerification.checks.${next}.text`);
      else addButtonRef.current?.focus();
    });
  };

  const save = (request: ParsedRequestOf<'settings:update'>) => update.mutate(request, { onSuccess: () => setAnnouncement('Settings saved.') });
  // A list problem alone (no checks) has no field to focus: the add button answers it.
  const refused = useFocusFirstInvalid(formRef, errors, addButtonRef);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // The last announcement ("Settings saved.") no longer holds.
    setAnnouncement('');
    void form.handleSubmit(save, refused)(event);
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={submit} noValidate>
      <section className="settings-section" aria-labelledby="settings-you-heading">
        <h3 id="settings-you-heading">You</h3>
        <FormTextField
          control={form.control}
          name="operatorDisplayName"
          label="Display name"
          description={`Recorded in the audit log next to your computer account. Up to ${MAX_DISPLAY_NAME} characters; leave it empty to record the account only.`}
          input={{ className: 'input', autoComplete: 'name', spellCheck: false }}
        />
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
              {checks.fields.map((check, index) => (
                <li key={check.id} className="check-item">
                  <FormTextField
                    control={form.control}
                    name={`callerVerification.checks.${index}.text`}
                    label={`Check ${index + 1}`}
                    className="field check-field"
                    input={{ className: 'input', spellCheck: false }}
                  />
                  <Button className="button button-quiet check-remove" onPress={() => removeCheck(index)} aria-label={`Remove check ${index + 1}`}>
                    Remove
                  </Button>
                </li>
              ))}
            </ol>
            {listProblem && (
              <p className="field-error" role="alert">
                {listProblem}
              </p>
            )}
            <div className="actions">
              <Button ref={addButtonRef} className="button button-secondary" onPress={addCheck} isDisabled={checks.fields.length >= MAX_CALLER_CHECKS}>
                Add a check
              </Button>
              {checks.fields.length >= MAX_CALLER_CHECKS && <span className="field-hint">That is the most: {MAX_CALLER_CHECKS} checks.</span>}
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
