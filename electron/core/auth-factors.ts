import { AdminSetUserMFAPreferenceCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { AuditAction } from '../../shared/audit-record';
import { knownAuthFactors, PASSWORDLESS_FACTORS, type UserAuthFactors } from '../../shared/auth-factors';
import type { PoolDetails, RecoveryDeskService } from '../../shared/contract';
import type { CognitoGateway } from './cognito-gateway';
import { RecoveryDeskError } from './errors';

// How the user signs in (AdminGetUserAuthFactors) and "Reset MFA" for a lost device
// (AdminSetUserMFAPreference). service.ts hands in its Cognito clients and its audited-action helper.

/** What every audited action names (service.ts ActionTarget). */
interface Target {
  connectionId: string;
  userPoolId: string;
  username: string;
  ticket?: string | undefined;
  callerVerification?: string[] | undefined;
}

export interface AuthFactorDeps {
  cognito(connectionId: string): Promise<CognitoGateway>;
  audited<T extends { requestId?: string | undefined }>(action: AuditAction, target: Target, run: () => Promise<T>): Promise<T>;
}

type AuthFactorChannels = Pick<RecoveryDeskService, 'users:authFactors' | 'users:resetMfa'>;

/** The pool's sign-in policy offers a first factor other than a password (choice-based sign-in). */
export function allowsPasswordlessSignIn(pool: Pick<PoolDetails, 'signInFactors'>): boolean {
  return (pool.signInFactors ?? []).some((factor) => (PASSWORDLESS_FACTORS as readonly string[]).includes(factor));
}

/** Every MFA factor off, none preferred: AWS API Reference, AdminSetUserMFAPreference. */
const MFA_OFF = { Enabled: false, PreferredMfa: false } as const;

export async function readAuthFactors(gateway: CognitoGateway, userPoolId: string, username: string): Promise<UserAuthFactors> {
  const answer = await gateway.facts.authFactors(userPoolId, username);
  const configured = knownAuthFactors(answer.ConfiguredUserAuthFactors ?? []);
  return {
    configured,
    hasPassword: configured.includes('PASSWORD'),
    mfaMethods: answer.UserMFASettingList ?? [],
    ...(answer.PreferredMfaSetting ? { preferredMfa: answer.PreferredMfaSetting } : {}),
  };
}

export function authFactorChannels({ cognito, audited }: AuthFactorDeps): AuthFactorChannels {
  return {
    async 'users:authFactors'({ connectionId, userPoolId, username }) {
      return readAuthFactors(await cognito(connectionId), userPoolId, username);
    },

    'users:resetMfa': (request) =>
      audited('ResetMfa', request, async () => {
        const gateway = await cognito(request.connectionId);
        // Read before the write, so a failed read sends nothing.
        const pool = await gateway.facts.pool(request.userPoolId);
        if (!pool) throw new RecoveryDeskError('ResourceNotFound');
        const before = await readAuthFactors(gateway, request.userPoolId, request.username);
        const response = await gateway.send(
          new AdminSetUserMFAPreferenceCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            SMSMfaSettings: MFA_OFF,
            EmailMfaSettings: MFA_OFF,
            SoftwareTokenMfaSettings: MFA_OFF,
          }),
        );
        return {
          resetAt: new Date().toISOString(),
          turnedOff: before.mfaMethods,
          // AWS Developer Guide, "Adding MFA to a user pool": when MFA is required, each user must set up
          // at least one MFA factor to sign in, and Cognito prompts them to register one.
          poolRequiresMfa: pool.MfaConfiguration === 'ON',
          requestId: response.$metadata.requestId,
        };
      }),
  };
}
