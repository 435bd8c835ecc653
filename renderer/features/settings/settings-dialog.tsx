import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Button, Dialog, Heading, Input, Label, Modal, ModalOverlay, Text, TextField } from 'react-aria-components';
import { ToggleSwitch } from '../../components/toggle-switch';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import { BUILT_IN_CALLER_CHECKS, MAX_CALLER_CHECKS, Settings, UI_LANGUAGES, type LanguageSetting, type ParsedRequestOf, type ResponseOf } from '../../../shared/contract';
import { policyQuery, settingsQuery, useUpdateSettings } from '../../api/queries';
import { callerCheckLabel, callerCheckTranslate } from '../../components/caller-check-label';
import { useFocusFirstInvalid } from '../../components/contract-form';
import { ErrorNotice } from '../../components/error-notice';
import { FormTextField } from '../../components/form-text-field';
import { Loading } from '../../components/loading';
import { SelectField, type SelectItem } from '../../components/select-field';
import { chooseLanguage } from '../../i18n/locale';
import type { Language, MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import { OrganizationPolicy } from './organization-policy';
import { settingsFormSchema, settingsFormValues } from './settings-request';

/** The contract's limit, said in the field's hint. */
const MAX_DISPLAY_NAME = Settings.shape.operatorDisplayName.unwrap().maxLength;

/**
 * Offered when caller verification is turned on with no checks at all; the operator can change every
 * one. The privileged side's defaults (a fresh install starts with them, in English), in the page's language.
 */

type SavedSettings = ResponseOf<'settings:get'>;
type Policy = ResponseOf<'policy:get'>;

/** Something said in the dialog's status line, worded when shown (so it follows a change of language). */
type Said = { id: MessageId; values?: Record<string, number> };

/** A language's name in that language ("Deutsch"), as language pickers show it. */
const languageName = (language: Language) => `settings.language.name.${language}` as const;

/** The operator's own settings in a modal dialog: language, display name and caller verification. */
export default function SettingsDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const settings = useQuery(settingsQuery());
  const policy = useQuery(policyQuery());
  return (
    <ModalOverlay className="modal-overlay" isOpen onOpenChange={(open) => !open && onClose()}>
      <Modal className="modal settings-modal">
        <Dialog className="dialog">
          <div className="dialog-header">
            <Heading slot="title">{t('settings.title')}</Heading>
            <Button className="button button-quiet" onPress={onClose} aria-label={t('settings.closeLabel')}>
              {t('settings.close')}
            </Button>
          </div>
          {(settings.isPending || policy.isPending) && <Loading>{t('settings.loading')}</Loading>}
          {settings.isError && (
            <ErrorNotice error={settings.error} channel="settings:get" title={t('settings.readFailed')} onRetry={() => void settings.refetch()} />
          )}
          {policy.isError && <ErrorNotice error={policy.error} channel="policy:get" title={t('settings.policy.readFailed')} onRetry={() => void policy.refetch()} />}
          {/* The form starts from the saved values; after a save it already shows them. What the organization fixes shows, read-only. */}
          {settings.isSuccess && policy.isSuccess && <SettingsForm saved={settings.data} policy={policy.data} onClose={onClose} />}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

function SettingsForm({ saved, policy, onClose }: { saved: SavedSettings; policy: Policy; onClose: () => void }) {
  const t = useT();
  const update = useUpdateSettings();
  const formRef = useRef<HTMLFormElement>(null);
  const addButtonRef = useRef<HTMLButtonElement>(null);
  const [announcement, setAnnouncement] = useState<Said>();
  // Caller verification the organization sets is shown, never sent: the privileged side would refuse it.
  const verificationSet = policy.status === 'active' && policy.callerVerificationSet;
  const schema = useMemo(() => settingsFormSchema(t, { callerVerificationSet: verificationSet }), [t, verificationSet]);
  // Messages show once a save was refused and then follow the edits: nobody is told off while typing.
  const form = useForm({ resolver: zodResolver(schema), defaultValues: settingsFormValues(saved, t), shouldFocusError: false });
  const checks = useFieldArray({ control: form.control, name: 'callerVerification.checks' });
  const { errors } = form.formState;
  const enabled = useWatch({ control: form.control, name: 'callerVerification.enabled' });
  const listProblem = errors.callerVerification?.checks?.root?.message ?? errors.callerVerification?.checks?.message;

  // Messages already shown follow a change of language (the form's own are worded by the schema).
  const checkedIn = useRef(schema);
  useEffect(() => {
    if (checkedIn.current === schema) return;
    checkedIn.current = schema;
    if (form.formState.submitCount > 0) void form.trigger();
  }, [schema, form]);

  const toggle = (on: boolean) => {
    form.setValue('callerVerification.enabled', on);
    if (on && checks.fields.length === 0) {
      // In the operator's language: they are the operator's own checks from now on.
      checks.replace(BUILT_IN_CALLER_CHECKS.map((builtIn) => ({ text: callerCheckLabel(t, builtIn), builtIn })));
      setAnnouncement({ id: 'settings.verification.onWithSuggestions', values: { count: BUILT_IN_CALLER_CHECKS.length } });
    } else {
      setAnnouncement({ id: on ? 'settings.verification.on' : 'settings.verification.off' });
    }
  };

  const addCheck = () => {
    // append() moves focus to the new check.
    checks.append({ text: '' });
    setAnnouncement({ id: 'settings.checks.added', values: { number: checks.fields.length + 1 } });
  };

  const removeCheck = (index: number) => {
    checks.remove(index);
    setAnnouncement({ id: 'settings.checks.removed', values: { number: index + 1 } });
    // Focus the check that took its place, else the one before, else the add button.
    const remaining = checks.fields.length - 1;
    const next = index < remaining ? index : index - 1;
    window.requestAnimationFrame(() => {
      if (next >= 0) form.setFocus(`callerVerification.checks.${next}.text`);
      else addButtonRef.current?.focus();
    });
  };

  const save = (request: ParsedRequestOf<'settings:update'>) => update.mutate(request, { onSuccess: () => setAnnouncement({ id: 'settings.saved' }) });
  // A list problem alone (no checks) has no field to focus: the add button answers it.
  const refused = useFocusFirstInvalid(formRef, errors, addButtonRef);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    // The last announcement ("Settings saved.") no longer holds.
    setAnnouncement(undefined);
    void form.handleSubmit(save, refused)(event);
  };

  return (
    <form ref={formRef} className="settings-form" onSubmit={submit} noValidate>
      <LanguageChoice saved={saved} announce={setAnnouncement} />

      <section className="settings-section" aria-labelledby="settings-you-heading">
        <h3 id="settings-you-heading">{t('settings.you.heading')}</h3>
        <FormTextField
          control={form.control}
          name="operatorDisplayName"
          label={t('settings.displayName.label')}
          description={t('settings.displayName.hint', { max: MAX_DISPLAY_NAME })}
          input={{ className: 'input', autoComplete: 'name', spellCheck: false }}
        />
        <TextField className="field" value={saved.osUser} isReadOnly>
          <Label>{t('settings.osUser.label')}</Label>
          <Input className="input input-readonly" />
          <Text slot="description" className="field-hint">
            {t('settings.osUser.hint')}
          </Text>
        </TextField>
      </section>

      {verificationSet ? (
        <VerificationSetByOrganization verification={saved.callerVerification} />
      ) : (
        <section className="settings-section" aria-labelledby="settings-verification-heading">
          <h3 id="settings-verification-heading">{t('settings.verification.heading')}</h3>
          <ToggleSwitch isSelected={enabled} onChange={toggle}>
            {t('settings.verification.switch')}
          </ToggleSwitch>
          <p className="field-hint">{t('settings.verification.hint')}</p>
          {enabled && (
            <div className="check-editor">
              <ol className="check-list" aria-label={t('settings.checks.label')}>
                {checks.fields.map((check, index) => (
                  <li key={check.id} className="check-item">
                    <FormTextField
                      control={form.control}
                      name={`callerVerification.checks.${index}.text`}
                      label={t('settings.checks.check', { number: index + 1 })}
                      className="field check-field"
                      input={{ className: 'input', spellCheck: false }}
                    />
                    <Button className="button button-quiet check-remove" onPress={() => removeCheck(index)} aria-label={t('settings.checks.removeLabel', { number: index + 1 })}>
                      {t('settings.checks.remove')}
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
                  {t('settings.checks.add')}
                </Button>
                {checks.fields.length >= MAX_CALLER_CHECKS && <span className="field-hint">{t('settings.checks.atMost', { max: MAX_CALLER_CHECKS })}</span>}
              </div>
            </div>
          )}
        </section>
      )}

      <OrganizationPolicy policy={policy} />

      {update.isError && <ErrorNotice error={update.error} channel="settings:update" title={t('settings.saveFailed')} />}
      <p role="status" className="settings-status">
        {announcement ? t(announcement.id, announcement.values) : ''}
      </p>
      <div className="dialog-actions">
        <Button type="submit" className="button button-primary" isPending={update.isPending}>
          {update.isPending ? t('settings.saving') : t('settings.save')}
        </Button>
        <Button className="button button-secondary" onPress={onClose}>
          {update.isSuccess ? t('settings.done') : t('settings.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Caller verification as the organization's policy sets it: shown as it applies, with nothing to change. */
function VerificationSetByOrganization({ verification }: { verification: SavedSettings['callerVerification'] }) {
  const t = useT();
  return (
    <section className="settings-section" aria-labelledby="settings-verification-heading">
      <h3 id="settings-verification-heading">
        {t('settings.verification.heading')} <span className="badge badge-muted">{t('settings.policy.setByOrganization')}</span>
      </h3>
      {verification.enabled ? (
        <>
          <p>{t('settings.verification.requiredByOrganization', { count: verification.checks.length })}</p>
          <ol className="check-list check-list-fixed">
            {verification.checks.map((check) => (
              <li key={check} translate={callerCheckTranslate(check)}>
                {callerCheckLabel(t, check)}
              </li>
            ))}
          </ol>
        </>
      ) : (
        <p>{t('settings.verification.offByOrganization')}</p>
      )}
      <p className="field-hint">{t('settings.verification.setByOrganizationHint')}</p>
    </section>
  );
}

/**
 * The console's language: the operating system's (the browser's, in the browser shell), or one
 * chosen here. A choice is saved at once, on its own, and the whole page follows it as soon as the
 * settings come back; the rest of the form keeps what was typed and waits for Save.
 */
function LanguageChoice({ saved, announce }: { saved: SavedSettings; announce: (said: Said | undefined) => void }) {
  const t = useT();
  const update = useUpdateSettings();
  const system = chooseLanguage(undefined, navigator.languages);
  const items = useMemo(
    (): SelectItem<LanguageSetting>[] => [
      { id: 'system', label: t('settings.language.system', { language: t(languageName(system)) }) },
      ...UI_LANGUAGES.map((language) => ({ id: language, label: t(languageName(language)) })),
    ],
    [t, system],
  );
  // The choice in flight shows at once; the saved one otherwise.
  const value = (update.isPending ? update.variables.language : undefined) ?? saved.language ?? 'system';
  const choose = (language: LanguageSetting) => {
    if (language === value) return;
    announce(undefined);
    update.mutate({ language }, { onSuccess: () => announce({ id: 'settings.language.saved' }) });
  };
  return (
    <section className="settings-section" aria-labelledby="settings-language-heading">
      <h3 id="settings-language-heading">{t('settings.language.heading')}</h3>
      <SelectField label={t('settings.language.label')} items={items} value={value} onChange={choose} description={t('settings.language.hint')} />
      {update.isError && <ErrorNotice error={update.error} channel="settings:update" title={t('settings.language.failed')} />}
    </section>
  );
}
