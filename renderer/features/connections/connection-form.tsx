import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button, ComboBox, FieldError, Input, Label, ListBox, ListBoxItem, Popover, Radio, RadioGroup, Switch, Text } from 'react-aria-components';
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

const KIND_OPTIONS: readonly { id: FormKind; label: string; description: string }[] = [
  {
    id: 'profile',
    label: 'An AWS profile',
    description: 'From the AWS config files on this computer, as the AWS CLI uses them: SSO, a role or keys. Nothing secret is stored in Recovery Desk.',
  },
  {
    id: 'default-chain',
    label: 'The default AWS credentials',
    description: 'Whatever the AWS SDK finds on this computer: environment variables, AWS_PROFILE, or the role of the machine it runs on.',
  },
  {
    id: 'access-keys',
    label: 'Access keys',
    description: 'An access key id and secret access key that you type in. Use keys made for the helpdesk, allowed only what it needs.',
  },
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
    resolver: zodResolver(connectionFormSchema(context)),
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
          if (!field) other.push(issue.path === '(request)' ? issue.message : `${issue.path}: ${issue.message}`);
          else if (!marked.has(field)) {
            marked.add(field);
            form.setError(field, { type: 'service', message: issue.message });
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
    ? 'Leave empty to keep the saved keys. To replace them, type both the key id and the secret.'
    : editing?.kind === 'access-keys'
      ? 'The saved keys are gone (this session has restarted): type them again.'
      : undefined;
  const suggestedRegion = profileRegion(values, context);

  return (
    <form ref={formRef} className="connection-form" onSubmit={submit} noValidate aria-labelledby="connection-form-heading">
      <h3 id="connection-form-heading" ref={headingRef} tabIndex={-1} className="connection-form-heading">
        {editing ? `Edit ${editing.name}` : 'Add a connection'}
      </h3>

      <FormTextField
        control={form.control}
        name="name"
        label="Name"
        isRequired
        description="What operators see in the connection list, for example the account and region."
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
            <Label className="group-label">Where the credentials come from</Label>
            {KIND_OPTIONS.map((option) => (
              <Radio
                key={option.id}
                value={option.id}
                className="kind-option"
                // Named by its label alone; the sentence under it is its description.
                aria-label={option.label}
                aria-describedby={`kind-${option.id}-description`}
              >
                <span className="kind-name">{option.label}</span>
                <span className="kind-meta" id={`kind-${option.id}-description`}>
                  {option.description}
                </span>
              </Radio>
            ))}
            <FieldError className="field-error">{fieldState.error?.message}</FieldError>
          </RadioGroup>
        )}
      />

      {kind === 'profile' && (
        <div className="form-group">
          {profiles.isPending && <Loading>Reading the AWS profiles…</Loading>}
          {profiles.isError && (
            <ErrorNotice error={profiles.error} channel="connections:profiles" title="Could not read the AWS profiles" onRetry={() => void profiles.refetch()} />
          )}
          {profiles.isSuccess && (
            <Controller
              control={form.control}
              name="source.profile"
              // The suggested region follows the profile.
              rules={{ deps: ['region'] }}
              render={({ field: { onChange }, fieldState }) => (
                <SelectField
                  label="Profile"
                  items={profileList.map((profile) => ({ id: profile.name, label: profile.name, description: describeProfile(profile) }))}
                  value={chosenProfile(values, context)}
                  onChange={onChange}
                  placeholder="Choose a profile"
                  emptyState="No profiles found."
                  description={
                    profileList.length === 0
                      ? `No profiles found in ${profiles.data.configFile} or ${profiles.data.credentialsFile}. Set one up with “aws configure” or “aws configure sso”, or choose another source.`
                      : `From ${profiles.data.configFile} and ${profiles.data.credentialsFile}.`
                  }
                  errorMessage={fieldState.error?.message}
                />
              )}
            />
          )}
        </div>
      )}

      {kind === 'access-keys' && (
        <fieldset className="form-group secret-group">
          <legend className="group-label">Access keys</legend>
          <p className="secret-storage" id="secret-storage-note">
            {storageSentence(secretStorage)}
          </p>
          <FormTextField
            control={form.control}
            name="source.accessKeyId"
            label="Access key id"
            description={keyHint ?? 'Starts with AKIA (long-term keys) or ASIA (temporary keys).'}
            input={{ ...MACHINE_TEXT, autoCapitalize: 'characters' }}
          />
          <FormTextField
            control={form.control}
            name="source.secretAccessKey"
            label="Secret access key"
            type="password"
            aria-describedby="secret-storage-note"
            description={saved ? 'Hidden once saved. Leave empty to keep the saved one.' : 'Hidden as you type and never shown again once saved.'}
            input={MACHINE_TEXT}
          />
          <FormTextField
            control={form.control}
            name="source.sessionToken"
            label="Session token (optional)"
            type="password"
            aria-describedby="secret-storage-note"
            description={`Only with temporary keys (ASIA…); they stop working when the token expires.${saved ? ' Leave empty to keep the saved one.' : ''}`}
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
            <Label>Region</Label>
            <div className="combo-row">
              <Input ref={ref} className="input" spellCheck={false} autoComplete="off" />
              <Button className="select-button combo-button">
                <span aria-hidden="true" className="select-chevron">
                  ▾
                </span>
              </Button>
            </div>
            <Text slot="description" className="field-hint">
              Where the user pools are. Choose from the list or type any region, for example eu-west-1.
              {suggestedRegion ? ` The profile says ${suggestedRegion}.` : ''}
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
        label="Custom endpoint (optional)"
        description="Only for an emulator or a test service such as LocalStack. Leave empty to use Amazon Cognito in the region."
        input={{ ...MACHINE_TEXT, inputMode: 'url', placeholder: 'https://…' }}
      />

      <FormTextField
        control={form.control}
        name="defaultCountry"
        label="Default country for phone numbers (optional)"
        description={`Its two-letter code, for example US or GB. Numbers callers give without + and a country code are searched as this country’s. Leave empty to search only numbers that start with +.${countrySentence(values.defaultCountry)}`}
        input={{ ...MACHINE_TEXT, autoCapitalize: 'characters', placeholder: 'US' }}
      />

      <div className="form-group assume-group">
        <Controller
          control={form.control}
          name="assumeRole.enabled"
          // Off, the role's fields are not sent: their messages go with the switch.
          rules={{ deps: ['assumeRole.roleArn', 'assumeRole.externalId', 'assumeRole.mfaSerial'] }}
          render={({ field: { value, onChange } }) => (
            <Switch className="switch" isSelected={value} onChange={onChange}>
              <span className="switch-track" aria-hidden="true">
                <span className="switch-thumb" />
              </span>
              Assume a role with these credentials
            </Switch>
          )}
        />
        {values.assumeRole.enabled && (
          <>
            <FormTextField
              control={form.control}
              name="assumeRole.roleArn"
              label="Role ARN"
              input={{ ...MACHINE_TEXT, placeholder: 'arn:aws:iam::123456789012:role/Helpdesk' }}
            />
            <FormTextField
              control={form.control}
              name="assumeRole.externalId"
              label="External id (optional)"
              description="Only when the role’s trust policy asks for one."
              input={MACHINE_TEXT}
            />
            <FormTextField
              control={form.control}
              name="assumeRole.mfaSerial"
              label="MFA device (optional)"
              description="Its ARN or serial number, when the role needs MFA. Recovery Desk then asks for a code when you connect."
              input={{ ...MACHINE_TEXT, placeholder: 'arn:aws:iam::123456789012:mfa/your-name' }}
            />
            {editing?.assumeRoleArn && (
              <p className="note note-warning">
                The saved external id and MFA device are not shown. Type them again if the role needs them: saving with these
                fields empty removes them{editing.needsMfaCode ? ' (this connection asks for an MFA code now)' : ''}.
              </p>
            )}
          </>
        )}
      </div>

      {otherIssues.length > 0 && (
        <ul className="notice-issues field-error" aria-label="Other problems">
          {otherIssues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      )}
      {failure !== undefined && <ErrorNotice error={failure} channel="connections:save" title="The connection was not saved" />}
      <p role="status" className="form-status">
        {problemCount > 0 ? `Nothing was saved: correct the ${problemCount === 1 ? 'field' : `${problemCount} fields`} marked above.` : ''}
      </p>
      <div className="dialog-actions">
        <BusyButton type="submit" className="button button-primary" isPending={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save changes' : 'Save connection'}
        </BusyButton>
        <Button className="button button-secondary" onPress={onCancel} isDisabled={save.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
