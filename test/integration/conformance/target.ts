import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DeleteUserPoolCommand,
  type AccountRecoverySettingType,
  type AliasAttributeType,
  type AttributeType,
  type PasswordPolicyType,
  type UsernameAttributeType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { DemoMessage } from '../../../shared/contract';
import { startDemoEmulator } from '../../../electron/emulator';
import { WriteRetryStrategy } from '../../../electron/core/cognito-gateway';
import { cognitoFailure } from '../helpers/cognito-failure';

// Where the conformance suite runs. By default: the embedded emulator, in-process, so codes can be
// read from its inbox and its clock moved. Point it at any other Cognito (real AWS, LocalStack,
// moto, an emulator elsewhere) with environment variables:
//   RD_CONFORMANCE_REGION=eu-west-1            real AWS in that region (credentials: the SDK's default chain)
//   RD_CONFORMANCE_ENDPOINT=http://host:port   another endpoint (region defaults to us-east-1)
//   RD_CONFORMANCE_SMS=1                       also run the rules that send SMS (the pool needs SMS set up)
//   RD_CONFORMANCE_EMAIL_DOMAIN=example.org    where the suite's test users' emails point
// The suite creates its own pools, clients and users and deletes its pools afterwards, so it
// needs admin rights on the target account and touches nothing else. It backs off and retries on
// TooManyRequestsException like any client, so it also passes against `npm run emulator` with its
// default throttling (and real Cognito's quotas).

export interface ConformanceTarget {
  kind: 'embedded' | 'remote';
  client: CognitoIdentityProviderClient;
  /** Embedded only: what the emulator delivered, newest first. */
  inbox?: () => DemoMessage[];
  /** Embedded only: moves the emulator's clock forward. */
  advanceClock?: (ms: number) => void;
  smsEnabled: boolean;
  emailDomain: string;
  close(): Promise<void>;
}

const env = process.env;
export const isRemote = Boolean(env.RD_CONFORMANCE_REGION || env.RD_CONFORMANCE_ENDPOINT);

/** Reasons for skips, stated where a rule needs what only the embedded emulator offers. */
export const NEEDS_INBOX = 'reads the delivered code, which only the embedded emulator exposes (RD_CONFORMANCE_* points elsewhere)';
export const NEEDS_CLOCK = 'moves the clock forward one hour, which only the embedded emulator allows';
export const NEEDS_SMS = 'sends an SMS; set RD_CONFORMANCE_SMS=1 when the remote pool can send SMS';

export async function openTarget(): Promise<ConformanceTarget> {
  if (isRemote) {
    const client = new CognitoIdentityProviderClient({
      region: env.RD_CONFORMANCE_REGION ?? 'us-east-1',
      ...(env.RD_CONFORMANCE_ENDPOINT ? { endpoint: env.RD_CONFORMANCE_ENDPOINT } : {}),
      retryStrategy: backOffWhenThrottled(),
    });
    return {
      kind: 'remote',
      client,
      smsEnabled: env.RD_CONFORMANCE_SMS === '1',
      emailDomain: env.RD_CONFORMANCE_EMAIL_DOMAIN ?? 'example.com',
      close: async () => client.destroy(),
    };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'recovery-desk-conformance-'));
  // Throttling off: the suite checks rules, not rates (the quotas have their own tests).
  const emulator = await startDemoEmulator({ dataDir, throttling: false });
  const client = new CognitoIdentityProviderClient({
    region: emulator.region,
    endpoint: emulator.endpoint,
    credentials: { accessKeyId: 'conformance', secretAccessKey: 'conformance' },
    retryStrategy: backOffWhenThrottled(),
  });
  return {
    kind: 'embedded',
    client,
    inbox: () => emulator.inbox(),
    advanceClock: (ms) => emulator.clock.advance(ms),
    smsEnabled: true,
    emailDomain: 'example.com',
    async close() {
      client.destroy();
      await emulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Retries TooManyRequestsException alone, with the SDK's backoff for throttling: every other answer
 * is a rule's outcome (LimitExceededException above all, which the SDK would otherwise retry as
 * throttling, and which would then count extra attempts against the limit the rule checks). Enough
 * attempts for the rules' bursts to get past a one-second quota window.
 */
function backOffWhenThrottled(): WriteRetryStrategy {
  return new WriteRetryStrategy(THROTTLED_ATTEMPTS);
}
const THROTTLED_ATTEMPTS = 8;

export const POLICY: PasswordPolicyType = {
  MinimumLength: 10,
  RequireUppercase: true,
  RequireLowercase: true,
  RequireNumbers: true,
  RequireSymbols: true,
};
export const GOOD_PASSWORD = 'Conform-Pass-42';
export const OTHER_GOOD_PASSWORD = 'Another-Pass-43';

export interface PoolSpec {
  recovery?: AccountRecoverySettingType['RecoveryMechanisms'];
  aliasAttributes?: AliasAttributeType[];
  /** Users sign in with their email or phone number instead of a username. */
  usernameAttributes?: UsernameAttributeType[];
  passwordHistorySize?: number;
  /** Threat protection (UserPoolAddOns AdvancedSecurityMode), which needs the Plus plan on AWS. */
  threatProtection?: 'AUDIT' | 'ENFORCED';
}

/** Creates pools, clients and users for one suite, and deletes its pools at the end. */
export class Fixtures {
  private readonly pools: string[] = [];
  private readonly run = randomBytes(3).toString('hex');

  constructor(readonly target: ConformanceTarget) {}

  get client() {
    return this.target.client;
  }

  async pool(name: string, spec: PoolSpec = {}): Promise<string> {
    const { UserPool } = await this.client.send(
      new CreateUserPoolCommand({
        PoolName: `rd-conformance-${this.run}-${name}`,
        Policies: { PasswordPolicy: { ...POLICY, ...(spec.passwordHistorySize ? { PasswordHistorySize: spec.passwordHistorySize } : {}) } },
        ...(spec.recovery ? { AccountRecoverySetting: { RecoveryMechanisms: spec.recovery } } : {}),
        ...(spec.aliasAttributes ? { AliasAttributes: spec.aliasAttributes } : {}),
        ...(spec.usernameAttributes ? { UsernameAttributes: spec.usernameAttributes } : {}),
        AutoVerifiedAttributes: ['email'],
        // Password history needs the Essentials plan on AWS; emulators ignore it.
        ...(spec.passwordHistorySize ? { UserPoolTier: 'ESSENTIALS' as const } : {}),
        ...(spec.threatProtection ? { UserPoolAddOns: { AdvancedSecurityMode: spec.threatProtection }, UserPoolTier: 'PLUS' as const } : {}),
      }),
    );
    const id = UserPool?.Id;
    if (!id) throw new Error('CreateUserPool returned no id');
    this.pools.push(id);
    return id;
  }

  async appClient(
    poolId: string,
    options: { secret?: boolean; preventUserExistenceErrors?: 'ENABLED' | 'LEGACY' } = {},
  ): Promise<{ clientId: string; secret?: string }> {
    const { UserPoolClient } = await this.client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: poolId,
        ClientName: `rd-conformance-${options.secret ? 'secret' : 'public'}`,
        GenerateSecret: options.secret ?? false,
        PreventUserExistenceErrors: options.preventUserExistenceErrors ?? 'LEGACY',
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    if (!UserPoolClient?.ClientId) throw new Error('CreateUserPoolClient returned no id');
    return { clientId: UserPoolClient.ClientId, ...(UserPoolClient.ClientSecret ? { secret: UserPoolClient.ClientSecret } : {}) };
  }

  /** A user with a permanent password (CONFIRMED) unless `temporary`; verified flags as given. */
  async user(
    poolId: string,
    name: string,
    options: {
      email?: boolean | 'unverified';
      phone?: boolean | 'unverified';
      temporary?: boolean;
      disabled?: boolean;
      attributes?: AttributeType[];
    } = { email: true },
  ): Promise<{ username: string; email: string; phone: string }> {
    const username = `${name}-${this.run}`;
    const email = `${username}@${this.target.emailDomain}`;
    const phone = `+1555${String(Math.abs(hash(username)) % 10_000_000).padStart(7, '0')}`;
    const attributes: AttributeType[] = [...(options.attributes ?? [])];
    if (options.email) attributes.push({ Name: 'email', Value: email }, { Name: 'email_verified', Value: String(options.email === true) });
    if (options.phone) attributes.push({ Name: 'phone_number', Value: phone }, { Name: 'phone_number_verified', Value: String(options.phone === true) });
    await this.client.send(
      new AdminCreateUserCommand({
        UserPoolId: poolId,
        Username: username,
        UserAttributes: attributes,
        TemporaryPassword: 'Temporary-Pass-1',
        MessageAction: 'SUPPRESS',
      }),
    );
    if (!options.temporary) {
      await this.client.send(new AdminSetUserPasswordCommand({ UserPoolId: poolId, Username: username, Password: GOOD_PASSWORD, Permanent: true }));
    }
    if (options.disabled) await this.client.send(new AdminDisableUserCommand({ UserPoolId: poolId, Username: username }));
    return { username, email, phone };
  }

  async close(): Promise<void> {
    for (const id of this.pools) {
      await this.client.send(new DeleteUserPoolCommand({ UserPoolId: id })).catch(() => undefined);
    }
    await this.target.close();
  }
}

function hash(text: string): number {
  let h = 0;
  for (const c of text) h = (h * 31 + c.charCodeAt(0)) | 0;
  return h;
}

/** Runs `fn` and returns the Cognito error it raised (or throws if it succeeded). */
export function cognitoError(fn: () => Promise<unknown>): Promise<{ name: string; message: string }> {
  return cognitoFailure(fn());
}
