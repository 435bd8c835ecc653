import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Text } from 'react-aria-components';
import { ToggleSwitch } from '../../components/toggle-switch';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { Connection, ParsedRequestOf } from '../../../shared/contract';
import { toApiCallError } from '../../api/client';
import { profilesQuery, useSaveConnection } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { countFieldErrors, useFocusFirstInvalid } from '../../components/contract-form';
import { ErrorNotice } from '../../components/error-notice';
import { FormTextField } from '../../components/form-text-field';
import { Loading } from '../../components/loading';
import { SelectField } from '../../components/select-field';
import type { MessageId } from '../../i18n/messages';
import { useT } from '../../i18n/use-t';
import {
  chosenProfile,
  connectionFormSchema,
  connectionFormValues,
  fieldOfIssuePath,
  keysSaved,
  profileRegion,
  shownRegion,
  type ConnectionField,
  type ConnectionFormContext,
  type ConnectionFormValues,
  type FormKind,
} from './connection-request';
import { COMMON_REGIONS, countrySentence, describeProfile, storageSentence, type SecretStorage } from './connection-wording';

/** Inputs for machine text (keys, ARNs, addresses): monospaced, never spell-checked or filled in by the browser. */
const MACHINE_TEXT = { className: 'input mono', spellCheck: false, autoComplete: 'off' } as const;

/** The fields that hold typed-in secrets: emptied once the privileged side has them. */
const SECRET_FIELDS = ['source.accessKeyId', 'source.secretAccessKey', 'source.sessionToken'] as const;

const KIND_OPTIONS: readonly { id: FormKind; label: MessageId; description: MessageId }[] = [
  { id: 'profile', label: 'connections.form.source.profile', description: 'connections.form.source.profileDescription' },
  { id: 'default-chain', label: 'connections.form.source.defaultChain', description: 'connections.form.source.defaultChainDescription' },
  { id: 'access-keys', label: 'connections.form.source.accessKeys', description: 'connections.form.source.accessKeysDescription' },
];

export interface ConnectionFormProps {
  /** The connection to edit; none to add one. */
  editing?: Connection;
  secretStorage: SecretStorage;
  defaultProfile?: string;
  defaultRegion?: string;
  onSaved: (connection: Connection) => void;
  onCancel: () => void;
}

/** Add or edit a connection. Typed-in keys live in this component only until the save succeeds. */
export function ConnectionForm({ editing, secretStorage, defaultProfile, defaultRegion, onSaved, onCancel }: ConnectionFormProps) {
  const t = useT();
  const save = useSaveConnection();
  const profiles = useQuery(profilesQuery());
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Service issues that no field holds, and failures other than a refused request.
  const [otherIssues, setOtherIssues] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();

  const profileList = profiles.data?.profiles ?? [];
  const context: ConnectionFormContext = { editing, profiles: profileList, defaultProfile, defaultRegion };
  // Messages show once a save was refused and then follow the edits; the service's stay until their field changes.
  const form = useForm({
    resolver: zodResolver(connectionFormSchema(context, t)),
    defaultValues: connectionFormValues(editing),
    shouldFocusError: false,
  });
  // Every field has a default, so what is watched is the whole of the values.
  const values = useWatch({ control: form.control }) as ConnectionFormValues;
  const kind = values.source.kind;
  const focusFirstInvalid = useFocusFirstInvalid(formRef, form.formState.errors);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const saveConnection = (request: ParsedRequestOf<'connections:save'>) =>
    save.mutate(request, {
      onSuccess: (connection) => {
        // The keys are with the privileged side now: out of this form's values and out of the mutation cache.
        for (const field of SECRET_FIELDS) form.resetField(field);
        save.reset();
        onSaved(connection);
      },
      onError: (error) => {
        save.reset();
        const failed = toApiCallError(error, 'connections:save');
        if (failed.code !== 'InvalidRequest' || !failed.issues?.length) {
          setFailure(error);
          return;
        }
        // The privileged side's problems go on their fields, the first one for each; the rest are listed.
        const marked = new Set<ConnectionField>();
        const other: string[] = [];
        for (const issue of failed.issues) {
          const field = fieldOfIssuePath(issue.path);
          if (!field) other.push(issue.path === '(request)' ? t.ref(issue.message) : t('connections.form.otherIssue', { path: issue.path, message: t.ref(issue.message) }));
          else if (!marked.has(field)) {
            marked.add(field);
            form.setError(field, { type: 'service', message: t.ref(issue.message) });
          }
        }
        setOtherIssues(other);
        if (marked.size > 0) focusFirstInvalid();
      },
    });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setOtherIssues([]);
    setFailure(undefined);
    void form.handleSubmit(saveConnection, focusFirstInvalid)(event);
  };

  const problemCount = countFieldErrors(form.formState.errors) + otherIssues.length;
  const saved = keysSaved(editing);
  const keyHint = saved
    ? t('connections.form.accessKeyId.keepSaved')
    : editing?.kind === 'access-keys'
      ? t('connections.form.accessKeyId.savedLost')
      : t('connections.form.accessKeyId.description');
  const suggestedRegion = profileRegion(values, context);
  // Sentences that stand side by side under a field, each whole in its language.
  const sentences = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');

  return (
    <form ref={formRef} className="connection-form" onSubmit={submit} noValidate aria-labelledby="connection-form-heading">
      <h3 id="connection-form-heading" ref={headingRef} tabIndex={-1} className="connection-form-heading">
        {editing ? t('connections.connection.edit', { name: editing.name }) : t('connections.form.addHeading')}
      </h3>

      <FormTextField
        control={form.control}
        name="name"
        label={t('connections.form.name.label')}
        isRequired
        description={t('connections.form.name.description')}
        input={{ className: 'input', spellCheck: false, autoComplete: 'off' }}
      />

      <Controller
        control={form.control}
        name="source.kind"
        // What the request needs typed or chosen depends on the kind: their messages follow it.
        rules={{ deps: ['source.profile', ...SECRET_FIELDS, 'region'] }}
        render={({ field: { value, onChange }, fieldState }) => (
          <RadioGroup
            className="kind-choice"
            value={value}
            onChange={(next) => onChange(next as FormKind)}
            isInvalid={fieldState.invalid}
            validationBehavior="aria"
          >
            <Label className="group-label">{t('connections.form.source.label')}</Label>
            {KIND_OPTIONS.map((option) => (
              <Radio
                key={option.id}
                value={option.id}
                className="kind-option"
                // Named by its label alone; the sentence under it is its description.
                aria-label={t(option.label)}
                aria-describedby={`kind-${option.id}-description`}
              >
                <span className="kind-name">{t(option.label)}</span>
                <span className="kind-meta" id={`kind-${option.id}-description`}>
                  {t(option.description)}
                </span>
              </Radio>
            ))}
            <FieldError className="field-error">{fieldState.error?.message}</FieldError>
          </RadioGroup>
        )}
      />

      {kind === 'profile' && (
        <div className="form-group">
          {profiles.isPending && <Loading>{t('connections.form.profile.loading')}</Loading>}
          {profiles.isError && (
            <ErrorNotice
              error={profiles.error}
              channel="connections:profiles"
              title={t('connections.form.profile.loadFailed')}
              onRetry={() => void profiles.refetch()}
            />
          )}
          {profiles.isSuccess && (
            <Controller
              control={form.control}
              name="source.profile"
              // The suggested region follows the profile.
              rules={{ deps: ['region'] }}
              render={({ field: { onChange }, fieldState }) => (
                <SelectField
                  label={t('connections.form.profile.label')}
                  items={profileList.map((profile) => ({ id: profile.name, label: profile.name, description: describeProfile(profile, t) }))}
                  value={chosenProfile(values, context)}
                  onChange={onChange}
                  placeholder={t('connections.form.profile.placeholder')}
                  emptyState={t('connections.form.profile.empty')}
                  description={t(profileList.length === 0 ? 'connections.form.profile.noneInFiles' : 'connections.form.profile.fromFiles', {
                    configFile: profiles.data.configFile,
                    credentialsFile: profiles.data.credentialsFile,
                  })}
                  errorMessage={fieldState.error?.message}
                />
              )}
            />
          )}
        </div>
      )}

      {kind === 'access-keys' && (
        <fieldset className="form-group secret-group">
          <legend className="group-label">{t('connections.form.accessKeys.legend')}</legend>
          <p className="secret-storage" id="secret-storage-note">
            {storageSentence(secretStorage, t)}
          </p>
          <FormTextField
            control={form.control}
            name="source.accessKeyId"
            label={t('connections.form.accessKeyId.label')}
            description={keyHint}
            input={{ ...MACHINE_TEXT, autoCapitalize: 'characters' }}
          />
          <FormTextField
            control={form.control}
            name="source.secretAccessKey"
            label={t('connections.form.secretAccessKey.label')}
            type="password"
            aria-describedby="secret-storage-note"
            description={t(saved ? 'connections.form.secretAccessKey.keepSaved' : 'connections.form.secretAccessKey.description')}
            input={MACHINE_TEXT}
          />
          <FormTextField
            control={form.control}
            name="source.sessionToken"
            label={t('connections.form.sessionToken.label')}
            type="password"
            aria-describedby="secret-storage-note"
            description={t(saved ? 'connections.form.sessionToken.keepSaved' : 'connections.form.sessionToken.description')}
            input={MACHINE_TEXT}
          />
        </fieldset>
      )}

      <Controller
        control={form.control}
        name="region"
        render={({ field: { ref, onChange, onBlur }, fieldState }) => (
          <ComboBox
            className="field"
            allowsCustomValue
            inputValue={shownRegion(values, context)}
            onInputChange={onChange}
            onBlur={onBlur}
            items={COMMON_REGIONS}
            isInvalid={fieldState.invalid}
            validationBehavior="aria"
            menuTrigger="input"
          >
            <Label>{t('connections.form.region.label')}</Label>
            <div className="combo-row">
              <Input ref={ref} className="input" spellCheck={false} autoComplete="off" />
              <Button className="select-button combo-button">
                <span aria-hidden="true" className="select-chevron" />
              </Button>
            </div>
            <Text slot="description" className="field-hint">
              {sentences(
                t('connections.form.region.description'),
                suggestedRegion && t('connections.form.region.profileSays', { region: suggestedRegion }),
              )}
            </Text>
            <FieldError className="field-error">{fieldState.error?.message}</FieldError>
            <Popover className="popover">
              <ListBox className="select-list region-list">
                {(item: (typeof COMMON_REGIONS)[number]) => (
                  <ListBoxItem id={item.id} textValue={item.id} className="select-item">
                    <Text slot="label">{item.id}</Text>
                    <Text slot="description" className="select-item-description">
                      {item.name}
                    </Text>
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
        )}
      />

      <FormTextField
        control={form.control}
        name="endpoint"
        label={t('connections.form.endpoint.label')}
        description={t('connections.form.endpoint.description')}
        input={{ ...MACHINE_TEXT, inputMode: 'url', placeholder: t('connections.form.endpoint.placeholder') }}
      />

      <FormTextField
        control={form.control}
        name="defaultCountry"
        label={t('connections.form.defaultCountry.label')}
        description={sentences(t('connections.form.defaultCountry.description'), countrySentence(values.defaultCountry, t))}
        input={{ ...MACHINE_TEXT, autoCapitalize: 'characters', placeholder: t('connections.form.defaultCountry.placeholder') }}
      />

      <div className="form-group assume-group">
        <Controller
          control={form.control}
          name="assumeRole.enabled"
          // Off, the role's fields are not sent: their messages go with the switch.
          rules={{ deps: ['assumeRole.roleArn', 'assumeRole.externalId', 'assumeRole.mfaSerial'] }}
          render={({ field: { value, onChange } }) => (
            <ToggleSwitch isSelected={value} onChange={onChange}>
              {t('connections.form.assumeRole')}
            </ToggleSwitch>
          )}
        />
        {values.assumeRole.enabled && (
          <>
            <FormTextField
              control={form.control}
              name="assumeRole.roleArn"
              label={t('connections.form.roleArn.label')}
              input={{ ...MACHINE_TEXT, placeholder: t('connections.form.roleArn.placeholder') }}
            />
            <FormTextField
              control={form.control}
              name="assumeRole.externalId"
              label={t('connections.form.externalId.label')}
              description={t('connections.form.externalId.description')}
              input={MACHINE_TEXT}
            />
            <FormTextField
              control={form.control}
              name="assumeRole.mfaSerial"
              label={t('connections.form.mfaSerial.label')}
              description={t('connections.form.mfaSerial.description')}
              input={{ ...MACHINE_TEXT, placeholder: t('connections.form.mfaSerial.placeholder') }}
            />
            {editing?.assumeRoleArn && (
              <p className="note note-warning">{t('connections.form.roleSecretsNotShown', { mfa: editing.needsMfaCode ? 'asked' : 'no' })}</p>
            )}
          </>
        )}
      </div>

      {otherIssues.length > 0 && (
        <ul className="notice-issues field-error" aria-label={t('connections.form.otherIssues')}>
          {otherIssues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      {failure !== undefined && <ErrorNotice error={failure} channel="connections:save" title={t('connections.form.saveFailed')} />}
      <p role="status" className="form-status">
        {problemCount > 0 ? t('connections.form.notSaved', { count: problemCount }) : ''}
      </p>
      <div className="dialog-actions">
        <BusyButton type="submit" className="button button-primary" isPending={save.isPending}>
          {save.isPending ? t('connections.form.saving') : editing ? t('connections.form.saveChanges') : t('connections.form.save')}
        </BusyButton>
        <Button className="button button-secondary" onPress={onCancel} isDisabled={save.isPending}>
          {t('connections.form.cancel')}
        </Button>
      </div>
    </form>
  );
}
