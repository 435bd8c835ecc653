import { contract, type AwsProfile, type Connection, type CredentialSource, type RequestOf } from '../../../shared/contract';
import type { FieldPath } from 'react-hook-form';
import { contractFormSchema, type FormIssue } from '../../components/contract-form';
import type { Translate } from '../../i18n/use-t';
import { countryHint } from './connection-wording';

// The connection form's values and the 'connections:save' request they make. The values keep the
// request's shape (source.*, assumeRole.*), so the contract's paths, in the page and from the
// privileged side, name the form's fields as they are.

export type FormKind = Exclude<Connection['kind'], 'demo'>;

export type ConnectionFormValues = {
  name: string;
  /** Undefined until the operator types one: the suggested region shows meanwhile. */
  region: string | undefined;
  endpoint: string;
  defaultCountry: string;
  source: {
    kind: FormKind;
    /** Undefined until the operator chooses: the suggested profile shows meanwhile. */
    profile: string | undefined;
    accessKeyId: string;
    secretAccessKey: string;
    sessionToken: string;
  };
  /** The switch and the role's fields; the request has an assumeRole only when the switch is on. */
  assumeRole: { enabled: boolean; roleArn: string; externalId: string; mfaSerial: string };
};

/** What this computer suggests until the operator chooses: AWS_PROFILE, AWS_REGION, the profile's own region. */
export interface Suggestions {
  profiles: readonly AwsProfile[];
  defaultProfile?: string | undefined;
  defaultRegion?: string | undefined;
}

/** What the form is for: a new connection, or the one being edited (and whether its keys are saved). */
export interface ConnectionFormContext extends Suggestions {
  editing?: Connection | undefined;
}

export function connectionFormValues(editing: Connection | undefined): ConnectionFormValues {
  const editedKind = editing && editing.kind !== 'demo' ? editing.kind : undefined;
  return {
    name: editing?.name ?? '',
    region: editing?.region,
    endpoint: editing?.endpoint ?? '',
    defaultCountry: editing?.defaultCountry ?? '',
    // Secrets are never shown again: an edit starts with empty key fields.
    source: { kind: editedKind ?? 'profile', profile: editing?.profile, accessKeyId: '', secretAccessKey: '', sessionToken: '' },
    // The external id and MFA device are not sent back either; the form says so.
    assumeRole: { enabled: Boolean(editing?.assumeRoleArn), roleArn: editing?.assumeRoleArn ?? '', externalId: '', mfaSerial: '' },
  };
}

/** AWS_PROFILE when it exists, else the only profile, else one named default. */
function suggestedProfile({ profiles, defaultProfile }: Suggestions): string | undefined {
  if (defaultProfile && profiles.some((p) => p.name === defaultProfile)) return defaultProfile;
  return profiles.length === 1 ? profiles[0]?.name : profiles.find((p) => p.name === 'default')?.name;
}

export function chosenProfile(values: ConnectionFormValues, suggestions: Suggestions): string | undefined {
  return values.source.profile ?? suggestedProfile(suggestions);
}

/** The region the chosen profile names, which the form suggests. */
export function profileRegion(values: ConnectionFormValues, suggestions: Suggestions): string | undefined {
  if (values.source.kind !== 'profile') return undefined;
  const profile = chosenProfile(values, suggestions);
  return suggestions.profiles.find((p) => p.name === profile)?.region;
}

/** The region field's text: what the operator typed, else the profile's region, else AWS_REGION. */
export function shownRegion(values: ConnectionFormValues, suggestions: Suggestions): string {
  return values.region ?? profileRegion(values, suggestions) ?? suggestions.defaultRegion ?? '';
}

/** Keys must be typed when none are saved for this connection (new, another kind before, or lost on restart). */
export function keysSaved(editing: Connection | undefined): boolean {
  return editing?.kind === 'access-keys' && editing.secretsAvailable;
}

/** A typed value, trimmed; blank is left out of the request. */
function typed(text: string): string | undefined {
  return text.trim() || undefined;
}

function toSource(values: ConnectionFormValues, suggestions: Suggestions): CredentialSource {
  const { kind } = values.source;
  if (kind === 'profile') return { kind, profile: chosenProfile(values, suggestions) ?? '' };
  if (kind === 'default-chain') return { kind };
  // Empty fields are left out: on an edit they keep the saved keys.
  const accessKeyId = typed(values.source.accessKeyId);
  const secretAccessKey = typed(values.source.secretAccessKey);
  const sessionToken = typed(values.source.sessionToken);
  return { kind, ...(accessKeyId ? { accessKeyId } : {}), ...(secretAccessKey ? { secretAccessKey } : {}), ...(sessionToken ? { sessionToken } : {}) };
}

export function toSaveRequest(values: ConnectionFormValues, context: ConnectionFormContext): RequestOf<'connections:save'> {
  const endpoint = typed(values.endpoint);
  const defaultCountry = typed(values.defaultCountry);
  const { enabled, roleArn, ...role } = values.assumeRole;
  const externalId = typed(role.externalId);
  const mfaSerial = typed(role.mfaSerial);
  return {
    ...(context.editing ? { connectionId: context.editing.id } : {}),
    name: values.name,
    region: shownRegion(values, context).trim(),
    ...(endpoint ? { endpoint } : {}),
    ...(defaultCountry ? { defaultCountry } : {}),
    source: toSource(values, context),
    ...(enabled ? { assumeRole: { roleArn: roleArn.trim(), ...(externalId ? { externalId } : {}), ...(mfaSerial ? { mfaSerial } : {}) } } : {}),
  };
}

/** The form's own rules: which keys this screen needs typed, and a country code that names no country. */
function connectionFormIssues(values: ConnectionFormValues, { editing }: ConnectionFormContext, t: Translate): FormIssue[] {
  const issues: FormIssue[] = [];
  const { kind, accessKeyId, secretAccessKey } = values.source;
  const saved = keysSaved(editing);
  // With saved keys, both fields empty keep them; typing one means replacing both.
  if (kind === 'access-keys' && (!saved || typed(accessKeyId) || typed(secretAccessKey))) {
    if (!typed(accessKeyId)) {
      issues.push({
        path: ['source', 'accessKeyId'],
        message: t(saved ? 'connections.form.accessKeyId.missingForNewSecret' : 'connections.form.accessKeyId.missing'),
      });
    }
    if (!typed(secretAccessKey)) {
      issues.push({
        path: ['source', 'secretAccessKey'],
        message: t(saved ? 'connections.form.secretAccessKey.missingForNewKeyId' : 'connections.form.secretAccessKey.missing'),
      });
    }
  }
  const hint = countryHint(values.defaultCountry, t);
  if (hint) issues.push({ path: ['defaultCountry'], message: hint });
  return issues;
}

/** The form's schema: the contract's rules and the form's own, with the form's messages in the page's language. */
export function connectionFormSchema(context: ConnectionFormContext, t: Translate) {
  return contractFormSchema({
    t,
    request: contract['connections:save'].request,
    toRequest: (values: ConnectionFormValues) => toSaveRequest(values, context),
    formIssues: (values) => connectionFormIssues(values, context, t),
  });
}

/** Every field of the form, by the request path it fills. */
const FIELD_PATHS = [
  'name',
  'source.kind',
  'source.profile',
  'source.accessKeyId',
  'source.secretAccessKey',
  'source.sessionToken',
  'region',
  'endpoint',
  'defaultCountry',
  'assumeRole.roleArn',
  'assumeRole.externalId',
  'assumeRole.mfaSerial',
] as const satisfies readonly FieldPath<ConnectionFormValues>[];
export type ConnectionField = (typeof FIELD_PATHS)[number];

/** The field that shows a privileged-side issue (InvalidRequest, by request path); undefined for one no field holds. */
export function fieldOfIssuePath(path: string): ConnectionField | undefined {
  // A problem with the whole source or role is said where it is chosen.
  if (path === 'source') return 'source.kind';
  if (path === 'assumeRole') return 'assumeRole.roleArn';
  return FIELD_PATHS.find((field) => field === path);
}
