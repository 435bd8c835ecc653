import { ListUserPoolsCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DEMO_CONNECTION_ID, Region, type AssumeRole, type Connection, type ParsedRequestOf, type ResponseOf } from '../../shared/contract';
import { createCredentialProvider, type AwsCredentialIdentityProvider, type CredentialSource } from './aws-credentials';
import { listProfiles, readProfiles, sharedConfigPaths, type SharedConfigPaths } from './aws-profiles';
import { createCognitoGateway, DEFAULT_CALL_POLICY, type CallPolicy, type CognitoGateway } from './cognito-gateway';
import type { ConnectionStore, SavedConnection } from './connection-store';
import type { DemoEnvironment, StartDemoEnvironment } from './demo-environment';
import type { DiagnosticLog } from './diagnostics';
import { RecoveryDeskError, withCallContext } from './errors';
import { isPhoneCountry } from './phone-numbers';
import { demoDisabled, type PresetConnection } from './policy-rules';
import type { MemoryOnlyReason } from './secret-vault';

export { DEMO_CONNECTION_ID };
export const ENVIRONMENT_CONNECTION_ID = 'aws-environment';
export const BUILT_IN_CONNECTION_IDS = [DEMO_CONNECTION_ID, ENVIRONMENT_CONNECTION_ID] as const;

export type ConnectionList = ResponseOf<'connections:list'>;
export type ConnectionTest = ResponseOf<'connections:test'>;

export interface ConnectionRegistry {
  list(): Promise<ConnectionList>;
  /** One connection; ConnectionNotFound when there is none. */
  get(connectionId: string): Promise<Connection>;
  /** The profiles of the shared config and credentials files. */
  profiles(): Promise<ResponseOf<'connections:profiles'>>;
  /** The Cognito gateway (one call policy, cached facts) of a connection; starts the demo emulator on first use. */
  client(connectionId: string): Promise<CognitoGateway>;
  /** The running demo emulator (started on first use). */
  demo(): Promise<DemoEnvironment>;
  save(request: ParsedRequestOf<'connections:save'>): Promise<Connection>;
  rename(connectionId: string, name: string): Promise<Connection>;
  remove(connectionId: string): Promise<boolean>;
  /** Resolves fresh credentials (with the MFA code, when given) and, when they work, uses them from now on. */
  test(connectionId: string, mfaCode?: string): Promise<ConnectionTest>;
  close(): Promise<void>;
}

interface RegistryOptions {
  startDemo: StartDemoEnvironment;
  env: NodeJS.ProcessEnv;
  store: ConnectionStore;
  /** Said in connections:list when the shell keeps secrets in memory although it would encrypt them. */
  memoryOnlyBecause?: MemoryOnlyReason | undefined;
  /** RoleSessionName for assumed roles that name none (shows in CloudTrail). */
  roleSessionName?: string;
  /** Default: from `env`, as the SDK finds the files. */
  paths?: SharedConfigPaths;
  diagnostics: DiagnosticLog;
  /** Deadlines and cache time; the same for every connection, the demo's included. */
  callPolicy?: CallPolicy;
  /** false: the organization's policy turns the offline demo off (not listed, every use refused). */
  demo?: boolean;
  /** The organization's preset connections: listed first after the app's own, used like any other, never changed. */
  presets?: readonly PresetConnection[];
}

/** Everything needed to open a session: what the operator sees, and how to reach AWS. */
interface Definition {
  connection: Connection;
  source: CredentialSource;
  assumeRole?: AssumeRole | undefined;
  /** The URL the Cognito client uses, when not AWS's own. */
  endpoint?: string | undefined;
}

/** One connection's clients and cached facts, sharing one memoized credential provider. */
interface Session {
  definition: Definition;
  credentials: AwsCredentialIdentityProvider;
  cognito: CognitoGateway;
  sts(): STSClient;
  destroy(): void;
}

/**
 * The connections the operator can pick: the offline demo (unless the policy turns it off), the
 * environment's default credential chain when the environment names a region, profile or endpoint,
 * the organization's preset connections, and the operator's saved connections. Clients are cached
 * per connection and dropped when it is edited or deleted, so no connection ever signs with
 * another's credentials. Credentials never leave this side.
 */
export function createConnectionRegistry({
  startDemo,
  env,
  store,
  memoryOnlyBecause,
  roleSessionName,
  paths: givenPaths,
  diagnostics,
  callPolicy = DEFAULT_CALL_POLICY,
  demo: demoAllowed = true,
  presets = [],
}: RegistryOptions): ConnectionRegistry {
  let demo: Promise<DemoEnvironment> | undefined;
  const sessions = new Map<string, Promise<Session>>();
  // Bumped whenever a connection's settings change, so a test that started before cannot install stale clients.
  const versions = new Map<string, number>();
  const builtInAccounts = new Map<string, string>();
  const paths = givenPaths ?? sharedConfigPaths(env);
  const environmentRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION || undefined;
  const environmentEndpoint = env.RECOVERY_DESK_ENDPOINT_URL || undefined;
  const environmentProfile = env.AWS_PROFILE || undefined;
  const environmentCountry = phoneCountryFrom(env.RECOVERY_DESK_DEFAULT_COUNTRY, diagnostics);
  const sessionName = roleSessionName ?? 'recovery-desk';

  const demoConnection: Connection = {
    id: DEMO_CONNECTION_ID,
    // As the audit log records it; the page shows the demo's name in the operator's language.
    name: 'Offline demo',
    kind: 'demo',
    region: 'us-east-1',
    needsMfaCode: false,
    secretsAvailable: true,
    builtIn: true,
    // The demo's people have US numbers.
    defaultCountry: 'US',
  };

  function startDemoOnce(): Promise<DemoEnvironment> {
    if (!demoAllowed) return Promise.reject(demoDisabled());
    // A failed start is not cached, so the next call tries again.
    demo ??= startDemo({ onProblem: (problem) => diagnostics.warn('demo-data-problem', { problem }) }).catch((error: unknown) => {
      demo = undefined;
      throw error;
    });
    return demo;
  }

  type Profiles = Awaited<ReturnType<typeof readProfiles>>;
  // A damaged shared config file must not take the connection list down; support sees why profiles are missing.
  // The error's name and code only: a parse error's message can quote a line of the credentials file.
  const loadProfiles = (): Promise<Profiles> =>
    readProfiles(paths).catch((error: unknown) => {
      diagnostics.warn('aws-profiles-unreadable', { name: (error as Error)?.name, code: (error as NodeJS.ErrnoException)?.code, configFile: paths.configFile });
      return {};
    });
  const profileNeedsMfa = (profiles: Profiles, profile: string | undefined) => Boolean(profile && profiles[profile]?.mfa_serial);

  function environmentConnection(profiles: Profiles): Connection | undefined {
    if (!environmentRegion && !environmentProfile && !environmentEndpoint) return undefined;
    const accountId = builtInAccounts.get(ENVIRONMENT_CONNECTION_ID);
    return {
      id: ENVIRONMENT_CONNECTION_ID,
      name: environmentProfile ? `AWS profile ${environmentProfile}` : 'AWS (environment credentials)',
      kind: 'default-chain',
      region: environmentRegion ?? (environmentProfile ? profiles[environmentProfile]?.region : undefined) ?? 'us-east-1',
      ...(environmentEndpoint ? { endpoint: environmentEndpoint } : {}),
      ...(environmentProfile ? { profile: environmentProfile } : {}),
      needsMfaCode: profileNeedsMfa(profiles, environmentProfile),
      secretsAvailable: true,
      builtIn: true,
      ...(accountId ? { accountId } : {}),
      ...(environmentCountry ? { defaultCountry: environmentCountry } : {}),
    };
  }

  function presetConnection(preset: PresetConnection, profiles: Profiles): Connection {
    const accountId = builtInAccounts.get(preset.id);
    return {
      id: preset.id,
      name: preset.name,
      kind: preset.profile ? 'profile' : 'default-chain',
      region: preset.region,
      ...(preset.endpoint ? { endpoint: preset.endpoint } : {}),
      ...(preset.profile ? { profile: preset.profile } : {}),
      ...(preset.assumeRole ? { assumeRoleArn: preset.assumeRole.roleArn } : {}),
      needsMfaCode: Boolean(preset.assumeRole?.mfaSerial) || profileNeedsMfa(profiles, preset.profile ?? environmentProfile),
      secretsAvailable: true,
      builtIn: true,
      setByOrganization: true,
      ...(accountId ? { accountId } : {}),
      ...(preset.defaultCountry && isPhoneCountry(preset.defaultCountry) ? { defaultCountry: preset.defaultCountry } : {}),
    };
  }

  function savedConnection(saved: SavedConnection, profiles: Profiles): Connection {
    const { source } = saved;
    const profile = source.kind === 'profile' ? source.profile : source.kind === 'default-chain' ? environmentProfile : undefined;
    return {
      id: saved.id,
      name: saved.name,
      kind: source.kind,
      region: saved.region,
      ...(saved.endpoint ? { endpoint: saved.endpoint } : {}),
      ...(source.kind === 'profile' ? { profile: source.profile } : {}),
      ...(saved.assumeRole ? { assumeRoleArn: saved.assumeRole.roleArn } : {}),
      needsMfaCode: Boolean(saved.assumeRole?.mfaSerial) || profileNeedsMfa(profiles, profile),
      ...(source.kind === 'access-keys' ? { secretStorage: source.sealed ? ('encrypted' as const) : ('memory-only' as const) } : {}),
      secretsAvailable: saved.secretsAvailable,
      builtIn: false,
      ...(saved.accountId ? { accountId: saved.accountId } : {}),
      ...(saved.defaultCountry ? { defaultCountry: saved.defaultCountry } : {}),
    };
  }

  const presetIds = new Set(presets.map((preset) => preset.id));
  for (const preset of presets) {
    // The policy's schema checks the form (two letters); phone numbering decides whether it names a country.
    if (preset.defaultCountry && !isPhoneCountry(preset.defaultCountry)) diagnostics.warn('default-country-ignored', { connectionId: preset.id, value: preset.defaultCountry });
  }
  const shadowed = new Set<string>();

  async function allConnections(): Promise<Connection[]> {
    const profiles = await loadProfiles();
    const environment = environmentConnection(profiles);
    const saved = (await store.list()).filter((s) => !shadowedByPreset(s.id));
    return [
      ...(demoAllowed ? [demoConnection] : []),
      ...(environment ? [environment] : []),
      ...presets.map((preset) => presetConnection(preset, profiles)),
      ...saved.map((s) => savedConnection(s, profiles)),
    ];
  }

  /** A saved connection with a preset's id (the file edited by hand, or the preset added since) gives way to the preset. */
  function shadowedByPreset(connectionId: string): boolean {
    if (!presetIds.has(connectionId)) return false;
    if (!shadowed.has(connectionId)) diagnostics.warn('saved-connection-shadowed-by-preset', { connectionId });
    shadowed.add(connectionId);
    return true;
  }

  /** Edit, rename and delete are the operator's own connections' only. */
  function refuseChangeToPreset(connectionId: string | undefined): void {
    if (connectionId !== undefined && presetIds.has(connectionId)) throw new RecoveryDeskError('PolicyForbids', { cause: 'preset-connection', params: { connectionId } });
  }

  async function get(connectionId: string): Promise<Connection> {
    if (connectionId === DEMO_CONNECTION_ID && !demoAllowed) throw demoDisabled();
    const connection = (await allConnections()).find((c) => c.id === connectionId);
    if (!connection) throw new RecoveryDeskError('ConnectionNotFound', { params: { connectionId } });
    return connection;
  }

  async function define(connectionId: string): Promise<Definition> {
    if (connectionId === DEMO_CONNECTION_ID) {
      const environment = await startDemoOnce();
      return {
        connection: { ...demoConnection, region: environment.region },
        // The emulator accepts any credentials; these are not secrets.
        source: { kind: 'static', credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' } },
        endpoint: environment.endpoint,
      };
    }
    const connection = await get(connectionId);
    if (connectionId === ENVIRONMENT_CONNECTION_ID) {
      return { connection, source: { kind: 'default-chain', profile: environmentProfile }, endpoint: environmentEndpoint };
    }
    const preset = presets.find((p) => p.id === connectionId);
    if (preset) {
      const source: CredentialSource = preset.profile ? { kind: 'profile', profile: preset.profile } : { kind: 'default-chain', profile: environmentProfile };
      return { connection, source, assumeRole: preset.assumeRole, endpoint: preset.endpoint };
    }
    const saved = await store.get(connectionId);
    if (!saved) throw new RecoveryDeskError('ConnectionNotFound', { params: { connectionId } });
    const source: CredentialSource =
      saved.source.kind === 'profile'
        ? { kind: 'profile', profile: saved.source.profile }
        : saved.source.kind === 'default-chain'
          ? { kind: 'default-chain', profile: environmentProfile }
          : {
              kind: 'access-keys',
              keys: () => store.keys(connectionId),
              sealedElsewhere: Boolean(saved.source.sealed),
            };
    return { connection, source, assumeRole: saved.assumeRole, endpoint: saved.endpoint };
  }

  async function openSession(connectionId: string, mfaCode?: string): Promise<Session> {
    const definition = await define(connectionId);
    const { connection, endpoint } = definition;
    const region = connection.region;
    const credentials = createCredentialProvider({
      source: definition.source,
      assumeRole: definition.assumeRole,
      region,
      paths,
      mfaCode,
      defaultSessionName: sessionName,
    });
    const profile = definition.source.kind === 'profile' || definition.source.kind === 'default-chain' ? definition.source.profile : undefined;
    const cognito = createCognitoGateway({
      connectionId,
      config: { region, credentials, ...(endpoint ? { endpoint } : {}) },
      policy: callPolicy,
      diagnostics,
      prepare: (client) =>
        addCallContext(client, { service: 'cognito-idp', region, profile, defaultHost: endpoint ? hostOf(endpoint) : `cognito-idp.${region}.amazonaws.com` }),
    });
    let sts: STSClient | undefined;
    return {
      definition,
      credentials,
      cognito,
      sts() {
        if (!sts) {
          // AWS's STS (or AWS_ENDPOINT_URL_STS): a custom Cognito endpoint says nothing about STS.
          sts = new STSClient({
            region,
            credentials,
            requestHandler: { connectionTimeout: callPolicy.connectTimeoutMs, requestTimeout: callPolicy.readAttemptTimeoutMs, throwOnRequestTimeout: true },
          });
          addCallContext(sts, { service: 'sts', region, profile, defaultHost: `sts.${region}.amazonaws.com` });
        }
        return sts;
      },
      destroy() {
        cognito.destroy();
        sts?.destroy();
      },
    };
  }

  function session(connectionId: string): Promise<Session> {
    let opened = sessions.get(connectionId);
    if (!opened) {
      opened = openSession(connectionId);
      sessions.set(connectionId, opened);
      const mine = opened;
      opened.catch(() => {
        if (sessions.get(connectionId) === mine) sessions.delete(connectionId);
      });
    }
    return opened;
  }

  /** Forgets a connection's clients (and their credentials); the next call builds new ones. */
  function drop(connectionId: string): void {
    versions.set(connectionId, (versions.get(connectionId) ?? 0) + 1);
    const opened = sessions.get(connectionId);
    sessions.delete(connectionId);
    void opened?.then((s) => s.destroy(), () => undefined);
  }

  return {
    async list() {
      const damagedFile = await store.problem();
      return {
        connections: await allConnections(),
        secretStorage: store.storage,
        ...(environmentProfile ? { defaultProfile: environmentProfile } : {}),
        ...(environmentRegion ? { defaultRegion: environmentRegion } : {}),
        ...(damagedFile ? { damagedFile } : {}),
        ...(memoryOnlyBecause ? { memoryOnlyBecause } : {}),
      };
    },
    get,
    async profiles() {
      return { profiles: await listProfiles(paths), ...paths };
    },
    async client(connectionId) {
      return (await session(connectionId)).cognito;
    },
    demo: startDemoOnce,
    async save(request) {
      refuseChangeToPreset(request.connectionId);
      const saved = await store.save(request);
      drop(saved.id);
      return savedConnection(saved, await loadProfiles());
    },
    async rename(connectionId, name) {
      refuseChangeToPreset(connectionId);
      // Same credentials and endpoint: the clients (and an MFA session) stay.
      return savedConnection(await store.rename(connectionId, name), await loadProfiles());
    },
    async remove(connectionId) {
      refuseChangeToPreset(connectionId);
      const deleted = await store.remove(connectionId);
      drop(connectionId);
      return deleted;
    },
    async test(connectionId, mfaCode) {
      const version = versions.get(connectionId) ?? 0;
      const fresh = await openSession(connectionId, mfaCode);
      try {
        await fresh.credentials();
        const { connection, endpoint } = fresh.definition;
        // Emulators rarely have STS: with a custom endpoint, the pool listing is the test.
        const identity = endpoint ? undefined : await fresh.sts().send(new GetCallerIdentityCommand({}));
        const page = await fresh.cognito.send(new ListUserPoolsCommand({ MaxResults: 60 }));
        if ((versions.get(connectionId) ?? 0) === version) {
          const previous = sessions.get(connectionId);
          sessions.set(connectionId, Promise.resolve(fresh));
          void previous?.then((s) => s !== fresh && s.destroy(), () => undefined);
        } else {
          fresh.destroy();
        }
        const account = identity?.Account;
        if (account && !connection.builtIn) await store.setAccountId(connectionId, account);
        else if (account) builtInAccounts.set(connectionId, account);
        const pools = page.UserPools ?? [];
        return {
          ...(identity ? { identity: { account: identity.Account ?? '', arn: identity.Arn ?? '', userId: identity.UserId ?? '' } } : {}),
          poolCount: pools.length,
          samplePools: pools.slice(0, 5).map((p) => p.Name ?? p.Id ?? ''),
          testedAt: new Date().toISOString(),
        };
      } catch (error) {
        fresh.destroy();
        throw error;
      }
    },
    async close() {
      for (const opened of sessions.values()) {
        await opened.then((s) => s.destroy()).catch(() => undefined);
      }
      sessions.clear();
      if (demo) await (await demo.catch(() => undefined))?.close();
      demo = undefined;
    },
  };
}

interface CallContextOptions {
  service: 'cognito-idp' | 'sts';
  region: string;
  profile: string | undefined;
  defaultHost: string;
}

/**
 * Runs around every call of `client`: refuses a user pool of another region before anything is
 * sent (pool ids start with their region, e.g. eu-west-1_AbC), and tags any failure with the
 * operation and host, so the error mapping can name the IAM action or the endpoint.
 */
function addCallContext(client: CognitoIdentityProviderClient | STSClient, options: CallContextOptions): void {
  (client as CognitoIdentityProviderClient).middlewareStack.add(
    (next, context) => async (args) => {
      const operation = context.commandName?.replace(/Command$/, '');
      const poolId = (args.input as { UserPoolId?: unknown }).UserPoolId;
      if (options.service === 'cognito-idp' && typeof poolId === 'string') refuseOtherRegion(poolId, options.region);
      try {
        return await next(args);
      } catch (error) {
        const url = (context as { endpointV2?: { url?: URL } }).endpointV2?.url;
        throw withCallContext(error, {
          service: options.service,
          ...(operation ? { operation } : {}),
          endpointHost: url?.host || options.defaultHost,
          ...(options.profile ? { profile: options.profile } : {}),
        });
      }
    },
    { step: 'initialize', name: 'recoveryDeskCallContext', priority: 'high', override: true },
  );
}

/** RECOVERY_DESK_DEFAULT_COUNTRY for the environment's connection; a code phone numbering does not know is ignored, and logged. */
function phoneCountryFrom(value: string | undefined, diagnostics: DiagnosticLog): string | undefined {
  const code = value?.trim().toUpperCase();
  if (!code) return undefined;
  if (isPhoneCountry(code)) return code;
  diagnostics.warn('default-country-ignored', { variable: 'RECOVERY_DESK_DEFAULT_COUNTRY', value: code.slice(0, 8) });
  return undefined;
}

function refuseOtherRegion(userPoolId: string, region: string): void {
  const poolRegion = userPoolId.slice(0, Math.max(0, userPoolId.indexOf('_')));
  // Emulators may use other prefixes (cognito-local's "local_"): only a real region is compared.
  if (!Region.safeParse(poolRegion).success || poolRegion === region) return;
  throw new RecoveryDeskError('WrongRegion', { params: { userPoolId, poolRegion, region } });
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
