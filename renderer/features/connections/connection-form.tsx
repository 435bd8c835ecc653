import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  Button,
  ComboBox,
  FieldError,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Radio,
  RadioGroup,
  Select,
  SelectValue,
  Switch,
  Text,
  TextField,
} from 'react-aria-components';
import type { AssumeRole, Connection, CredentialSource, RequestOf } from '../../../shared/contract';
import { controlOrDirectionMessage, hasControlOrDirectionMarks } from '../../../shared/plain-text';
import { toApiCallError } from '../../api/client';
import { profilesQuery, useSaveConnection } from '../../api/queries';
import { BusyButton } from '../../components/busy-button';
import { ErrorNotice } from '../../components/error-notice';
import { Loading } from '../../components/loading';
import {
  COMMON_REGIONS,
  countryName,
  countryProblem,
  describeProfile,
  endpointProblem,
  regionProblem,
  storageSentence,
  type SecretStorage,
} from './connection-wording';

type FormKind = Exclude<Connection['kind'], 'demo'>;

/** Every field that can carry a message, in the order they appear (the first one with a problem gets focus). */
const FIELDS = ['name', 'kind', 'profile', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'region', 'endpoint', 'defaultCountry', 'roleArn', 'externalId', 'mfaSerial'] as const;
type Field = (typeof FIELDS)[number];
type Problems = Partial<Record<Field, string>>;

/** The contract's request paths (InvalidRequest issues) → the field that shows them. */
const FIELD_OF_PATH: Record<string, Field> = {
  name: 'name',
  region: 'region',
  endpoint: 'endpoint',
  defaultCountry: 'defaultCountry',
  source: 'kind',
  'source.kind': 'kind',
  'source.profile': 'profile',
  'source.accessKeyId': 'accessKeyId',
  'source.secretAccessKey': 'secretAccessKey',
  'source.sessionToken': 'sessionToken',
  assumeRole: 'roleArn',
  'assumeRole.roleArn': 'roleArn',
  'assumeRole.externalId': 'externalId',
  'assumeRole.mfaSerial': 'mfaSerial',
};

const MAX_NAME = 80;

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

  const editedKind = editing && editing.kind !== 'demo' ? editing.kind : undefined;
  const [name, setName] = useState(editing?.name ?? '');
  const [kind, setKind] = useState<FormKind>(editedKind ?? 'profile');
  // Undefined until the operator chooses: the suggestion (AWS_PROFILE, the profile's region…) shows meanwhile.
  const [profile, setProfile] = useState<string | undefined>(editing?.profile);
  const [region, setRegion] = useState<string | undefined>(editing?.region);
  const [endpoint, setEndpoint] = useState(editing?.endpoint ?? '');
  const [defaultCountry, setDefaultCountry] = useState(editing?.defaultCountry ?? '');
  const [accessKeyId, setAccessKeyId] = useState('');
  const [secretAccessKey, setSecretAccessKey] = useState('');
  const [sessionToken, setSessionToken] = useState('');
  const [assume, setAssume] = useState(Boolean(editing?.assumeRoleArn));
  const [roleArn, setRoleArn] = useState(editing?.assumeRoleArn ?? '');
  const [externalId, setExternalId] = useState('');
  const [mfaSerial, setMfaSerial] = useState('');

  // Client-side problems follow the edits once a save was refused; the service's stay until their field changes.
  const [checked, setChecked] = useState(false);
  const [serviceProblems, setServiceProblems] = useState<Problems>({});
  const [otherIssues, setOtherIssues] = useState<string[]>([]);
  const [failure, setFailure] = useState<unknown>();

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const profileList = profiles.data?.profiles ?? [];
  const suggestedProfile =
    (defaultProfile && profileList.some((p) => p.name === defaultProfile) ? defaultProfile : undefined) ??
    (profileList.length === 1 ? profileList[0]?.name : profileList.find((p) => p.name === 'default')?.name);
  const chosenProfile = profile ?? suggestedProfile;
  const profileRegion = kind === 'profile' ? profileList.find((p) => p.name === chosenProfile)?.region : undefined;
  const regionText = region ?? profileRegion ?? defaultRegion ?? '';

  // Keys must be typed when there are none saved for this connection (new, another kind before, or lost on restart).
  const keysSaved = editing?.kind === 'access-keys' && editing.secretsAvailable;
  const keysTyped = accessKeyId.trim() !== '' || secretAccessKey.trim() !== '';

  const validate = (): Problems => {
    const found: Problems = {};
    const trimmedName = name.trim();
    if (trimmedName === '') found.name = 'Give the connection a name, for example “Production (eu-west-1)”.';
    else if (trimmedName.length > MAX_NAME) found.name = `A name has at most ${MAX_NAME} characters; this one has ${trimmedName.length}.`;
    else if (hasControlOrDirectionMarks(trimmedName)) found.name = controlOrDirectionMessage('A connection name');
    if (kind === 'profile' && !chosenProfile) found.profile = 'Choose the AWS profile to use.';
    if (kind === 'access-keys' && (!keysSaved || keysTyped)) {
      if (accessKeyId.trim() === '') found.accessKeyId = keysSaved ? 'Type the access key id that goes with the new secret, or leave both empty.' : 'Type the access key id.';
      if (secretAccessKey.trim() === '') {
        found.secretAccessKey = keysSaved ? 'Type the secret access key that goes with the new key id, or leave both empty.' : 'Type the secret access key.';
      }
    }
    const badRegion = regionProblem(regionText);
    if (badRegion) found.region = badRegion;
    const badEndpoint = endpointProblem(endpoint);
    if (badEndpoint) found.endpoint = badEndpoint;
    const badCountry = countryProblem(defaultCountry);
    if (badCountry) found.defaultCountry = badCountry;
    if (assume && roleArn.trim() === '') found.roleArn = 'Type the ARN of the role to assume, or turn “Assume a role” off.';
    return found;
  };

  const shown: Problems = { ...serviceProblems, ...(checked ? validate() : {}) };

  /** Wraps a field's setter: the service's message about that field goes once the field changes. */
  const edit =
    <T,>(field: Field, set: (value: T) => void) =>
    (value: T) => {
      set(value);
      if (serviceProblems[field]) setServiceProblems(({ [field]: _gone, ...rest }) => rest);
    };

  const focusFirst = (problems: Problems) => {
    const first = FIELDS.find((field) => problems[field]);
    if (!first) return;
    window.requestAnimationFrame(() => {
      const target = formRef.current?.querySelector<HTMLElement>(`[data-field="${first}"]`);
      // A radio group marks its first option's label: focus the radio inside.
      (target?.matches('input, button') ? target : target?.querySelector<HTMLElement>('input'))?.focus();
    });
  };

  const buildSource = (): CredentialSource => {
    if (kind === 'profile') return { kind, profile: chosenProfile ?? '' };
    if (kind === 'default-chain') return { kind };
    // Empty fields are left out: on an edit they keep the saved keys.
    return {
      kind,
      ...(accessKeyId.trim() ? { accessKeyId: accessKeyId.trim() } : {}),
      ...(secretAccessKey.trim() ? { secretAccessKey: secretAccessKey.trim() } : {}),
      ...(sessionToken.trim() ? { sessionToken: sessionToken.trim() } : {}),
    };
  };

  const buildAssumeRole = (): AssumeRole | undefined => {
    if (!assume) return undefined;
    return {
      roleArn: roleArn.trim(),
      ...(externalId.trim() ? { externalId: externalId.trim() } : {}),
      ...(mfaSerial.trim() ? { mfaSerial: mfaSerial.trim() } : {}),
    };
  };

  const forgetSecrets = () => {
    setAccessKeyId('');
    setSecretAccessKey('');
    setSessionToken('');
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setChecked(true);
    setServiceProblems({});
    setOtherIssues([]);
    setFailure(undefined);
    const found = validate();
    if (Object.keys(found).length > 0) {
      focusFirst(found);
      return;
    }
    const assumeRole = buildAssumeRole();
    const request: RequestOf<'connections:save'> = {
      ...(editing ? { connectionId: editing.id } : {}),
      name: name.trim(),
      region: regionText.trim(),
      ...(endpoint.trim() ? { endpoint: endpoint.trim() } : {}),
      ...(defaultCountry.trim() ? { defaultCountry: defaultCountry.trim().toUpperCase() } : {}),
      source: buildSource(),
      ...(assumeRole ? { assumeRole } : {}),
    };
    save.mutate(request, {
      onSuccess: (connection) => {
        // The keys are with the privileged side now: out of this page's state and out of the mutation cache.
        forgetSecrets();
        save.reset();
        onSaved(connection);
      },
      onError: (error) => {
        save.reset();
        const failed = toApiCallError(error, 'connections:save');
        if (failed.code === 'InvalidRequest' && failed.issues?.length) {
          const byField: Problems = {};
          const other: string[] = [];
          for (const issue of failed.issues) {
            const field = FIELD_OF_PATH[issue.path];
            if (field && !byField[field]) byField[field] = issue.message;
            else if (!field) other.push(issue.path === '(request)' ? issue.message : `${issue.path}: ${issue.message}`);
          }
          setServiceProblems(byField);
          setOtherIssues(other);
          focusFirst(byField);
        } else {
          setFailure(error);
        }
      },
    });
  };

  const problemCount = Object.keys(shown).length + otherIssues.length;
  const keyHint = keysSaved
    ? 'Leave empty to keep the saved keys. To replace them, type both the key id and the secret.'
    : editing?.kind === 'access-keys'
      ? 'The saved keys are gone (this session has restarted): type them again.'
      : undefined;

  return (
    <form ref={formRef} className="connection-form" onSubmit={submit} noValidate aria-labelledby="connection-form-heading">
      <h3 id="connection-form-heading" ref={headingRef} tabIndex={-1} className="connection-form-heading">
        {editing ? `Edit ${editing.name}` : 'Add a connection'}
      </h3>

      <TextField className="field" value={name} onChange={edit('name', setName)} isInvalid={Boolean(shown.name)} validationBehavior="aria" isRequired>
        <Label>Name</Label>
        <Input className="input" data-field="name" spellCheck={false} autoComplete="off" />
        <Text slot="description" className="field-hint">
          What operators see in the connection list, for example the account and region.
        </Text>
        <FieldError className="field-error">{shown.name}</FieldError>
      </TextField>

      <RadioGroup className="kind-choice" value={kind} onChange={edit('kind', (value: string) => setKind(value as FormKind))} isInvalid={Boolean(shown.kind)} validationBehavior="aria">
        <Label className="group-label">Where the credentials come from</Label>
        {KIND_OPTIONS.map((option, index) => (
          <Radio
            key={option.id}
            value={option.id}
            className="kind-option"
            // Named by its label alone; the sentence under it is its description.
            aria-label={option.label}
            aria-describedby={`kind-${option.id}-description`}
            {...(index === 0 ? { 'data-field': 'kind' } : {})}
          >
            <span className="kind-name">{option.label}</span>
            <span className="kind-meta" id={`kind-${option.id}-description`}>
              {option.description}
            </span>
          </Radio>
        ))}
        <FieldError className="field-error">{shown.kind}</FieldError>
      </RadioGroup>

      {kind === 'profile' && (
        <div className="form-group">
          {profiles.isPending && <Loading>Reading the AWS profiles…</Loading>}
          {profiles.isError && (
            <ErrorNotice error={profiles.error} channel="connections:profiles" title="Could not read the AWS profiles" onRetry={() => void profiles.refetch()} />
          )}
          {profiles.isSuccess && (
            <Select
              className="field"
              value={chosenProfile ?? null}
              onChange={(key) => {
                if (typeof key === 'string') edit('profile', setProfile)(key);
              }}
              isInvalid={Boolean(shown.profile)}
              validationBehavior="aria"
              placeholder="Choose a profile"
            >
              <Label>Profile</Label>
              <Button className="select-button" data-field="profile">
                <SelectValue>{({ selectedText, isPlaceholder }) => (isPlaceholder ? 'Choose a profile' : selectedText)}</SelectValue>
                <span aria-hidden="true" className="select-chevron">
                  ▾
                </span>
              </Button>
              <Text slot="description" className="field-hint">
                {profileList.length === 0
                  ? `No profiles found in ${profiles.data.configFile} or ${profiles.data.credentialsFile}. Set one up with “aws configure” or “aws configure sso”, or choose another source.`
                  : `From ${profiles.data.configFile} and ${profiles.data.credentialsFile}.`}
              </Text>
              <FieldError className="field-error">{shown.profile}</FieldError>
              <Popover className="popover">
                <ListBox className="select-list" items={profileList} renderEmptyState={() => 'No profiles found.'}>
                  {(item) => (
                    <ListBoxItem id={item.name} textValue={item.name} className="select-item">
                      <Text slot="label">{item.name}</Text>
                      <Text slot="description" className="select-item-description">
                        {describeProfile(item)}
                      </Text>
                    </ListBoxItem>
                  )}
                </ListBox>
              </Popover>
            </Select>
          )}
        </div>
      )}

      {kind === 'access-keys' && (
        <fieldset className="form-group secret-group">
          <legend className="group-label">Access keys</legend>
          <p className="secret-storage" id="secret-storage-note">
            {storageSentence(secretStorage)}
          </p>
          <TextField
            className="field"
            value={accessKeyId}
            onChange={edit('accessKeyId', setAccessKeyId)}
            isInvalid={Boolean(shown.accessKeyId)}
            validationBehavior="aria"
          >
            <Label>Access key id</Label>
            <Input className="input mono" data-field="accessKeyId" spellCheck={false} autoComplete="off" autoCapitalize="characters" />
            <Text slot="description" className="field-hint">
              {keyHint ?? 'Starts with AKIA (long-term keys) or ASIA (temporary keys).'}
            </Text>
            <FieldError className="field-error">{shown.accessKeyId}</FieldError>
          </TextField>
          <TextField
            className="field"
            type="password"
            value={secretAccessKey}
            onChange={edit('secretAccessKey', setSecretAccessKey)}
            isInvalid={Boolean(shown.secretAccessKey)}
            validationBehavior="aria"
            aria-describedby="secret-storage-note"
          >
            <Label>Secret access key</Label>
            <Input className="input mono" data-field="secretAccessKey" spellCheck={false} autoComplete="off" />
            <Text slot="description" className="field-hint">
              {keysSaved ? 'Hidden once saved. Leave empty to keep the saved one.' : 'Hidden as you type and never shown again once saved.'}
            </Text>
            <FieldError className="field-error">{shown.secretAccessKey}</FieldError>
          </TextField>
          <TextField
            className="field"
            type="password"
            value={sessionToken}
            onChange={edit('sessionToken', setSessionToken)}
            isInvalid={Boolean(shown.sessionToken)}
            validationBehavior="aria"
            aria-describedby="secret-storage-note"
          >
            <Label>Session token (optional)</Label>
            <Input className="input mono" data-field="sessionToken" spellCheck={false} autoComplete="off" />
            <Text slot="description" className="field-hint">
              Only with temporary keys (ASIA…); they stop working when the token expires.{keysSaved ? ' Leave empty to keep the saved one.' : ''}
            </Text>
            <FieldError className="field-error">{shown.sessionToken}</FieldError>
          </TextField>
        </fieldset>
      )}

      <ComboBox
        className="field"
        allowsCustomValue
        inputValue={regionText}
        onInputChange={edit('region', (value: string) => setRegion(value))}
        items={COMMON_REGIONS}
        isInvalid={Boolean(shown.region)}
        validationBehavior="aria"
        menuTrigger="input"
      >
        <Label>Region</Label>
        <div className="combo-row">
          <Input className="input" data-field="region" spellCheck={false} autoComplete="off" />
          <Button className="select-button combo-button">
            <span aria-hidden="true" className="select-chevron">
              ▾
            </span>
          </Button>
        </div>
        <Text slot="description" className="field-hint">
          Where the user pools are. Choose from the list or type any region, for example eu-west-1.
          {kind === 'profile' && profileRegion ? ` The profile says ${profileRegion}.` : ''}
        </Text>
        <FieldError className="field-error">{shown.region}</FieldError>
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

      <TextField className="field" value={endpoint} onChange={edit('endpoint', setEndpoint)} isInvalid={Boolean(shown.endpoint)} validationBehavior="aria">
        <Label>Custom endpoint (optional)</Label>
        <Input className="input mono" data-field="endpoint" spellCheck={false} autoComplete="off" inputMode="url" placeholder="https://…" />
        <Text slot="description" className="field-hint">
          Only for an emulator or a test service such as LocalStack. Leave empty to use Amazon Cognito in the region.
        </Text>
        <FieldError className="field-error">{shown.endpoint}</FieldError>
      </TextField>

      <TextField
        className="field"
        value={defaultCountry}
        onChange={edit('defaultCountry', setDefaultCountry)}
        isInvalid={Boolean(shown.defaultCountry)}
        validationBehavior="aria"
      >
        <Label>Default country for phone numbers (optional)</Label>
        <Input className="input mono" data-field="defaultCountry" spellCheck={false} autoComplete="off" autoCapitalize="characters" placeholder="US" />
        <Text slot="description" className="field-hint">
          Its two-letter code, for example US or GB. Numbers callers give without + and a country code are searched as this
          country’s. Leave empty to search only numbers that start with +.
          {!countryProblem(defaultCountry) && defaultCountry.trim() ? ` ${defaultCountry.trim().toUpperCase()} is ${countryName(defaultCountry.trim().toUpperCase())}.` : ''}
        </Text>
        <FieldError className="field-error">{shown.defaultCountry}</FieldError>
      </TextField>

      <div className="form-group assume-group">
        <Switch className="switch" isSelected={assume} onChange={edit('roleArn', setAssume)}>
          <span className="switch-track" aria-hidden="true">
            <span className="switch-thumb" />
          </span>
          Assume a role with these credentials
        </Switch>
        {assume && (
          <>
            <TextField className="field" value={roleArn} onChange={edit('roleArn', setRoleArn)} isInvalid={Boolean(shown.roleArn)} validationBehavior="aria">
              <Label>Role ARN</Label>
              <Input className="input mono" data-field="roleArn" spellCheck={false} autoComplete="off" placeholder="arn:aws:iam::123456789012:role/Helpdesk" />
              <FieldError className="field-error">{shown.roleArn}</FieldError>
            </TextField>
            <TextField className="field" value={externalId} onChange={edit('externalId', setExternalId)} isInvalid={Boolean(shown.externalId)} validationBehavior="aria">
              <Label>External id (optional)</Label>
              <Input className="input mono" data-field="externalId" spellCheck={false} autoComplete="off" />
              <Text slot="description" className="field-hint">
                Only when the role’s trust policy asks for one.
              </Text>
              <FieldError className="field-error">{shown.externalId}</FieldError>
            </TextField>
            <TextField className="field" value={mfaSerial} onChange={edit('mfaSerial', setMfaSerial)} isInvalid={Boolean(shown.mfaSerial)} validationBehavior="aria">
              <Label>MFA device (optional)</Label>
              <Input className="input mono" data-field="mfaSerial" spellCheck={false} autoComplete="off" placeholder="arn:aws:iam::123456789012:mfa/your-name" />
              <Text slot="description" className="field-hint">
                Its ARN or serial number, when the role needs MFA. Recovery Desk then asks for a code when you connect.
              </Text>
              <FieldError className="field-error">{shown.mfaSerial}</FieldError>
            </TextField>
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
