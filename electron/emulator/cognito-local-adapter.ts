import { randomUUID } from 'node:crypto';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from 'cognito-local/lib/server/config.js';
import type { Route, Router } from 'cognito-local/lib/server/Router.js';
import type { Services } from 'cognito-local/lib/services/index.js';
import type { AppClient } from 'cognito-local/lib/services/appClient.js';
import type { Clock } from 'cognito-local/lib/services/clock.js';
import type { CognitoService } from 'cognito-local/lib/services/cognitoService.js';
import type { Context } from 'cognito-local/lib/services/context.js';
import type { CryptoService } from 'cognito-local/lib/services/crypto.js';
import type { Lambda } from 'cognito-local/lib/services/lambda.js';
import type { LogService } from 'cognito-local/lib/services/LogService.js';
import type { MessageSender } from 'cognito-local/lib/services/messageDelivery/messageSender.js';
import type { Messages } from 'cognito-local/lib/services/messages.js';
import type { DataStore } from 'cognito-local/lib/services/dataStore/dataStore.js';
import type { User, UserPool, UserPoolService, UserPoolServiceFactory } from 'cognito-local/lib/services/userPoolService.js';
import type { EmulatorClock } from './clock';
import { DurableDataStoreFactory, type DurableDataStore } from './durable-data-store';
import type { CognitoStore, StoredUser } from './fidelity/store';
import type { UserActivity } from './fidelity/user-activity';
import { CognitoFault, type CognitoRequest, type Interceptors } from './interceptor';
import { foldCase } from './list-users-filter';
import type { DemoSeed } from './seed';
import type { UserIndex } from './user-index';

// The ONLY file that touches cognito-local's internals (lib/...): its maintainers support the CLI,
// not in-process composition, so an upgrade is checked here and nowhere else. It composes the same
// services as lib/server/defaults.js (createDefaultServer) with our own config, a silent logger, a
// capturing message sender, no Lambda/KMS, a durable data store in place of StormDB, user pools
// that look users up through its indexes, and a router that runs our interceptors first.

/** A code cognito-local "sent", without the user record (which holds the password). */
export interface CapturedDelivery {
  source: string;
  clientId: string | null;
  userPoolId: string;
  username: string;
  code: string;
  deliveryMedium: 'EMAIL' | 'SMS';
  destination: string;
}

export interface CognitoLocalOptions {
  /** cognito-local's data folder: clients.json plus one <poolId>.json per pool. */
  directory: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Or built from the store of cognito-local's pools, clients and users (the fidelity layer's). */
  interceptors: Interceptors | ((store: CognitoStore) => Interceptors);
  /** cognito-local's own timestamps follow it too; default: real time. */
  clock?: Pick<EmulatorClock, 'now'>;
  /** Runs before every call, ahead of the interceptors (injected faults, throttling); may throw a CognitoFault. */
  beforeCall?(target: string): Promise<void>;
  onDelivery(delivery: CapturedDelivery): Promise<void>;
}

export interface RunningCognitoLocal {
  port: number;
  endpoint: string;
  close(): Promise<void>;
}

type CognitoLocalModules = Awaited<ReturnType<typeof importCognitoLocal>>;
type PinoLogger = Parameters<CognitoLocalModules['server']['createServer']>[1];

let modules: Promise<CognitoLocalModules> | undefined;

/** Loaded on first use, so the app starts without it and the environment below is set first. */
function loadCognitoLocal(): Promise<CognitoLocalModules> {
  // aws-sdk v2 (a cognito-local dependency) warns on load. The modules imported below avoid it
  // (defaults.js and crypto.js load it), but an upgrade might not.
  process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
  modules ??= importCognitoLocal().catch((error: unknown) => {
    modules = undefined; // let a later start try again
    throw error;
  });
  return modules;
}

// Full file names: Node's ESM loader (which a bundler may hand these imports to) does not add
// extensions or index files for a package without an exports map.
async function importCognitoLocal() {
  const [services, cognitoService, userPoolService, messageDelivery, otp, tokenGenerator, router, server, errors] = await Promise.all([
    import('cognito-local/lib/services/index.js'),
    import('cognito-local/lib/services/cognitoService.js'),
    import('cognito-local/lib/services/userPoolService.js'),
    import('cognito-local/lib/services/messageDelivery/messageDelivery.js'),
    import('cognito-local/lib/services/otp.js'),
    import('cognito-local/lib/services/tokenGenerator.js'),
    import('cognito-local/lib/server/Router.js'),
    import('cognito-local/lib/server/server.js'),
    import('cognito-local/lib/errors.js'),
  ]);
  return { services, cognitoService, userPoolService, messageDelivery, otp, tokenGenerator, router, server, errors };
}

// Nothing may reach the terminal. This satisfies both cognito-local's LogService and what pino-http
// calls on the logger it is handed (child, and the level methods).
interface SilentLogger extends LogService {
  level: string;
  child(): SilentLogger;
  trace(): void;
  fatal(): void;
  silent(): void;
  isLevelEnabled(): boolean;
}
const ignore = (): void => undefined;
const silentLogger: SilentLogger = {
  level: 'silent',
  child: () => silentLogger,
  trace: ignore,
  debug: ignore,
  info: ignore,
  warn: ignore,
  error: ignore,
  fatal: ignore,
  silent: ignore,
  isLevelEnabled: () => false,
};
const ctx: Context = { logger: silentLogger };

// The demo configures no Lambda triggers and no KMS key, so these are never called; they spare us
// an aws-sdk v2 client (which would look for credentials).
const noLambda: Lambda = {
  enabled: () => false,
  invoke: () => Promise.reject(new Error('Lambda triggers are not available in the offline demo.')),
};
const noKms: CryptoService = {
  get keyringNode(): never {
    throw new Error('KMS is not available in the offline demo.');
  },
  encrypt: () => Promise.reject(new Error('KMS is not available in the offline demo.')),
};
const discardingSender: MessageSender = {
  sendEmail: () => Promise.resolve(),
  sendSms: () => Promise.resolve(),
};

export async function startCognitoLocal(options: CognitoLocalOptions): Promise<RunningCognitoLocal> {
  const cl = await loadCognitoLocal();
  const config: Config = {
    LambdaClient: {},
    TriggerFunctions: {},
    // Not cognito-local's CLI default (UsernameAttributes ["email"]), which would make every
    // username an email address. Pools carry their own settings in their files.
    UserPoolDefaults: {},
    TokenConfig: { IssuerDomain: endpointOf(options.host, options.port) },
    ServerConfig: { hostname: options.host, port: options.port, development: false, https: false },
  };

  const emulatorClock = options.clock;
  const clock: Clock = emulatorClock ? { get: () => new Date(emulatorClock.now()) } : new cl.services.DateClock();
  const dataStores = new DurableDataStoreFactory(options.directory);
  const cognito = await new cl.cognitoService.CognitoServiceFactoryImpl(options.directory, dataStores, indexedUserPools(cl, clock, dataStores)).create(
    ctx,
    config.UserPoolDefaults,
  );
  const triggers = new cl.services.TriggersService(clock, cognito, noLambda, noKms);
  const delivery = new cl.services.MessagesService(triggers, new cl.messageDelivery.MessageDeliveryService(discardingSender));
  const messages: Messages = {
    async deliver(context, source, clientId, userPoolId, user, code, clientMetadata, details) {
      await delivery.deliver(context, source, clientId, userPoolId, user, code, clientMetadata, details);
      await options.onDelivery({
        source,
        clientId,
        userPoolId,
        username: user.Username,
        code,
        deliveryMedium: details.DeliveryMedium,
        destination: details.Destination,
      });
    },
  };
  const services: Services = {
    clock,
    cognito,
    config,
    messages,
    otp: cl.otp.otp,
    tokenGenerator: new cl.tokenGenerator.JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };

  const interceptors = typeof options.interceptors === 'function' ? options.interceptors(cognitoStore(cognito, cl.errors)) : options.interceptors;
  const router = withInterceptors(cl.router.Router(services), interceptors, cl, options.beforeCall);
  const server: Server = (await cl.server
    .createServer(router, silentLogger as unknown as PinoLogger, config.ServerConfig, services)
    .start()) as Server;
  // Every AWS answer, errors and 404s included, names its request (the SDK's $metadata.requestId,
  // which support asks for). Set ahead of cognito-local's app, so no route or error path misses it.
  server.prependListener('request', (_request, response) => {
    response.setHeader('x-amzn-RequestId', randomUUID());
    answerServerFaultsWith500(response);
  });
  const port = (server.address() as AddressInfo).port;
  const endpoint = endpointOf(options.host, port);
  // Tokens name their issuer; JwtTokenGenerator reads this object when it signs.
  config.TokenConfig.IssuerDomain = endpoint;

  return {
    port,
    endpoint,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive sockets (the SDK keeps them) would otherwise hold close() open.
        server.closeAllConnections();
      });
      // Calls cut off mid-way may still be writing: no write of this instance may land after the next
      // start on this folder has read its files.
      await dataStores.flush();
    },
  };
}

/** Writes the demo pools, users and clients in cognito-local's own file format, through the same data store. */
export async function writeCognitoLocalSeed(directory: string, seed: DemoSeed): Promise<void> {
  const cl = await loadCognitoLocal();
  const dataStores = new DurableDataStoreFactory(directory);
  for (const { pool, users } of seed.pools) {
    // The same defaults CreateUserPool would fill in (schema attributes, email config…).
    const options: UserPool = { ...cl.cognitoService.USER_POOL_AWS_DEFAULTS, ...pool };
    const byUsername: Record<string, User> = Object.fromEntries(users.map((user) => [user.Username, user]));
    await dataStores.create(ctx, pool.Id, { Options: options, Users: byUsername });
  }
  const clients: Record<string, AppClient> = Object.fromEntries(seed.clients.map((client) => [client.ClientId, client]));
  await dataStores.create(ctx, 'clients', { Clients: clients });
}

/**
 * cognito-local's UserPoolServiceFactoryImpl, with pools whose lookups use the data store's indexes:
 * its own getUserByUsername copies every user whenever the name is not a username (each
 * AdminCreateUser, each unknown name), and its refresh-token lookup copies every user too.
 */
function indexedUserPools(cl: CognitoLocalModules, clock: Clock, dataStores: DurableDataStoreFactory): UserPoolServiceFactory {
  class IndexedUserPoolService extends cl.userPoolService.UserPoolServiceImpl implements IndexedPool {
    readonly users: UserIndex;

    constructor(
      clientsDataStore: DataStore,
      private readonly store: DurableDataStore,
      options: UserPool,
    ) {
      super(clientsDataStore, clock, store, options);
      if (!store.users) throw new Error(`The file of pool ${options.Id} holds no Users.`);
      this.users = store.users;
    }

    /** As cognito-local: the username, else a sub, else an email or phone number the pool signs in with; only the answer is copied. */
    override async getUserByUsername(context: Context, username: string): Promise<User | null> {
      if (this.users.record(username)) return this.store.get<User>(context, ['Users', username]);
      const fields = ['sub' as const, ...(this.options.UsernameAttributes ?? []).filter((name) => name === 'email' || name === 'phone_number')];
      for (const field of fields) {
        const found = this.users
          .lookUp(field, foldCase(username), 'equal')
          .sort()
          .find((candidate) => this.users.record(candidate)?.Attributes?.some((attribute) => attribute.Name === field && attribute.Value === username));
        if (found !== undefined) return this.store.get<User>(context, ['Users', found]);
      }
      return null;
    }

    override async getUserByRefreshToken(context: Context, refreshToken: string): Promise<User | null> {
      const found = this.users.find((user) => {
        const tokens = (user as Partial<User>).RefreshTokens;
        return Array.isArray(tokens) && tokens.includes(refreshToken);
      });
      return found === undefined ? null : this.store.get<User>(context, ['Users', found]);
    }
  }

  return {
    // The same steps as UserPoolServiceFactoryImpl.create.
    async create(context, clientsDataStore, defaultOptions) {
      const store = await dataStores.create(context, defaultOptions.Id, { Users: {}, Options: defaultOptions });
      const options = await store.get(context, 'Options', defaultOptions);
      return new IndexedUserPoolService(clientsDataStore, store, options);
    },
  };
}

/** A pool whose users are indexed (every pool the adapter's factory makes). */
interface IndexedPool extends UserPoolService {
  readonly users: UserIndex;
}

function usersOfPool(pool: UserPoolService): UserIndex {
  if (!('users' in pool)) throw new Error('A user pool made without its index.');
  return (pool as IndexedPool).users;
}

/** The fidelity layer's view of cognito-local's data (fidelity/store.ts). Records are copied out, never shared. */
function cognitoStore(cognito: CognitoService, errors: CognitoLocalModules['errors']): CognitoStore {
  const poolOf = async (poolId: string): Promise<UserPoolService | undefined> => {
    try {
      return await cognito.getUserPool(ctx, poolId);
    } catch (error) {
      if (error instanceof errors.ResourceNotFoundError) return undefined;
      throw error;
    }
  };
  /** The pool's user index, or undefined for an unknown pool. */
  const usersOf = async (poolId: string): Promise<UserIndex | undefined> => {
    const pool = await poolOf(poolId);
    return pool ? usersOfPool(pool) : undefined;
  };
  const copied = (index: UserIndex, username: string): StoredUser | undefined => {
    const user = index.record(username);
    return user ? storedUser(user as User) : undefined;
  };
  return {
    async findClient(clientId) {
      const client = await cognito.getAppClient(ctx, clientId);
      if (!client) return undefined;
      const { ClientId, UserPoolId, ClientName, ClientSecret, PreventUserExistenceErrors } = client;
      return { ClientId, UserPoolId, ClientName, ClientSecret, PreventUserExistenceErrors };
    },
    async describePool(poolId) {
      const pool = await poolOf(poolId);
      return pool ? structuredClone(pool.options) : undefined;
    },
    async getUser(poolId, username) {
      const index = await usersOf(poolId);
      return index ? copied(index, username) : undefined;
    },
    async usersWith(poolId, field, value) {
      const index = await usersOf(poolId);
      if (!index) return [];
      return index
        .lookUp(field, foldCase(value), 'equal')
        .sort()
        .flatMap((username) => copied(index, username) ?? []);
    },
    async pageUsers(poolId, filter, after, limit) {
      const index = await usersOf(poolId);
      if (!index) return { users: [], more: false };
      const { usernames, more } = index.page(filter, after, limit);
      return { users: usernames.flatMap((username) => copied(index, username) ?? []), more };
    },
    async findUserWhere(poolId, test) {
      const index = await usersOf(poolId);
      const found = index?.find((user) => test(user as unknown as StoredUser));
      return index && found !== undefined ? copied(index, found) : undefined;
    },
    async updateUser(poolId, username, update) {
      const pool = await cognito.getUserPool(ctx, poolId);
      // In place: saveUser copies the record it is given, and the spread below leaves this one unchanged.
      const user = (await usersOf(poolId))?.record(username) as User | undefined;
      if (!user) throw new CognitoFault('UserNotFoundException', 'User does not exist.');
      await pool.saveUser(ctx, {
        ...user,
        ...(update.Password === undefined ? {} : { Password: update.Password }),
        ...(update.UserStatus === undefined ? {} : { UserStatus: update.UserStatus }),
        ...(update.UserMFASettingList === undefined ? {} : { UserMFASettingList: update.UserMFASettingList }),
        ...(update.PreferredMfaSetting === undefined ? {} : { PreferredMfaSetting: update.PreferredMfaSetting }),
        // The fidelity layer's own fields on the record (sessions, auth events); cognito-local answers none of them.
        ...(update.Sessions === undefined ? {} : { Sessions: update.Sessions }),
        ...(update.AuthEvents === undefined ? {} : { AuthEvents: update.AuthEvents }),
        ...(update.RevokedRefreshTokens === undefined ? {} : { RevokedRefreshTokens: update.RevokedRefreshTokens }),
        // Cleared as AWS shows it: no MFAOptions at all rather than an empty list.
        ...(update.MFAOptions === undefined ? {} : { MFAOptions: update.MFAOptions.length > 0 ? update.MFAOptions : undefined }),
        UserLastModifiedDate: update.UserLastModifiedDate,
      });
    },
  };
}

function storedUser(user: User): StoredUser {
  const copy = structuredClone(user) as User & UserActivity;
  return {
    Username: copy.Username,
    Attributes: copy.Attributes ?? [],
    Enabled: copy.Enabled,
    UserStatus: copy.UserStatus,
    Password: copy.Password,
    UserCreateDate: copy.UserCreateDate,
    UserLastModifiedDate: copy.UserLastModifiedDate,
    ...(copy.MFAOptions ? { MFAOptions: copy.MFAOptions } : {}),
    ...(copy.UserMFASettingList ? { UserMFASettingList: copy.UserMFASettingList } : {}),
    ...(copy.PreferredMfaSetting ? { PreferredMfaSetting: copy.PreferredMfaSetting } : {}),
    ...(copy.Sessions ? { Sessions: copy.Sessions } : {}),
    ...(copy.AuthEvents ? { AuthEvents: copy.AuthEvents } : {}),
    ...(copy.RevokedRefreshTokens ? { RevokedRefreshTokens: copy.RevokedRefreshTokens } : {}),
    // The emulator's own field, kept in the same record (cognito-local's type does not name it).
    ...(passkeysOf(copy) ? { WebAuthnCredentials: passkeysOf(copy) } : {}),
  };
}

function passkeysOf(user: User): StoredUser['WebAuthnCredentials'] {
  return (user as User & Pick<StoredUser, 'WebAuthnCredentials'>).WebAuthnCredentials;
}

/**
 * Runs our interceptors in place of cognito-local's targets, and makes every failure a Cognito
 * error the SDK can name: cognito-local answers its "unsupported" cases and any crash with HTTP 500
 * and a body the SDK cannot map (and then retries).
 */
function withInterceptors(inner: Router, interceptors: Interceptors, cl: CognitoLocalModules, beforeCall: CognitoLocalOptions['beforeCall']): Router {
  return (target) => {
    const route: Route = inner(target);
    const interceptor = Object.hasOwn(interceptors, target) ? interceptors[target] : undefined;
    return async (context, body: unknown) => {
      try {
        await beforeCall?.(target);
        const request: CognitoRequest = isRecord(body) ? body : {};
        if (interceptor) return await interceptor(request, (next) => route(context, next));
        return await route(context, body);
      } catch (error) {
        throw toCognitoError(target, error, cl.errors);
      }
    };
  };
}

function toCognitoError(target: string, error: unknown, errors: CognitoLocalModules['errors']): Error {
  const { CognitoError, UnsupportedError } = errors;
  if (error instanceof CognitoFault) return new CognitoError(error.code, error.message);
  if (error instanceof CognitoError) {
    // cognito-local's name is doubled; the API's is UnexpectedLambdaException.
    if (error.code === 'UnexpectedLambdaExceptionException') return new CognitoError('UnexpectedLambdaException', error.message);
    // Real Cognito never says which half of the credentials was wrong.
    if (error.code === 'InvalidPasswordException' && (target === 'InitiateAuth' || target === 'AdminInitiateAuth')) {
      return new CognitoError('NotAuthorizedException', 'Incorrect username or password.');
    }
    return error;
  }
  if (error instanceof UnsupportedError) {
    return new CognitoError('InternalErrorException', `The offline demo emulator does not support this request (${error.message}).`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new CognitoError('InternalErrorException', `The offline demo emulator failed: ${message}`);
}

/**
 * cognito-local answers every Cognito error with HTTP 400; AWS answers its own failure,
 * InternalErrorException, with 500, which tells a client the request may have been acted on. The
 * status is corrected as the body goes out, before any header is sent.
 */
function answerServerFaultsWith500(response: ServerResponse): void {
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.end = ((...args: unknown[]) => {
    const [chunk] = args;
    const body = typeof chunk === 'string' ? chunk : Buffer.isBuffer(chunk) ? chunk.toString('utf8') : '';
    if (response.statusCode === 400 && !response.headersSent && body.includes('"__type":"InternalErrorException"')) response.statusCode = 500;
    return end(...args);
  }) as ServerResponse['end'];
}

function endpointOf(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
