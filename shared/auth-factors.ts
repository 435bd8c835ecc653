import { z } from 'zod';

// How a user signs in and their MFA, as AdminGetUserAuthFactors reports them, and what "Reset MFA"
// answers. Codes and facts only: the renderer words them.

/** AWS API Reference, AdminGetUserAuthFactors: ConfiguredUserAuthFactors (SOFTWARE_TOKEN is an MFA factor only). */
export const AuthFactor = z.enum(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN', 'SOFTWARE_TOKEN']);
export type AuthFactor = z.infer<typeof AuthFactor>;

/** The factors a user can sign in with that are not a password. */
export const PASSWORDLESS_FACTORS = ['EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] as const satisfies readonly AuthFactor[];

export const UserAuthFactors = z.object({
  /** The first factors available to the user with choice-based sign-in (USER_AUTH), as Cognito lists them. */
  configured: z.array(AuthFactor),
  /** false: the user has no password (they sign in with a code or a passkey). */
  hasPassword: z.boolean(),
  /** The MFA factors turned on for the user: SMS_MFA, EMAIL_OTP, SOFTWARE_TOKEN_MFA. */
  mfaMethods: z.array(z.string()),
  /** The one MFA factor Cognito asks for first, when the user prefers one. */
  preferredMfa: z.string().optional(),
});
export type UserAuthFactors = z.infer<typeof UserAuthFactors>;

export const MfaResetResult = z.object({
  resetAt: z.string(),
  /** The MFA factors the user had before (AdminGetUserAuthFactors just before the reset). */
  turnedOff: z.array(z.string()),
  /** The pool requires MFA (MfaConfiguration ON): the user sets MFA up again at their next sign-in. */
  poolRequiresMfa: z.boolean(),
  requestId: z.string().optional(),
});
export type MfaResetResult = z.infer<typeof MfaResetResult>;

/** The factors of a Cognito answer this console knows; a newer one is left out rather than refused. */
export function knownAuthFactors(factors: readonly string[]): AuthFactor[] {
  return factors.flatMap((factor) => {
    const known = AuthFactor.safeParse(factor);
    return known.success ? [known.data] : [];
  });
}

/** Whether the user signs in without a password: none, and at least one other factor. */
export function signsInWithoutPassword(factors: Pick<UserAuthFactors, 'configured' | 'hasPassword'>): boolean {
  return !factors.hasPassword && factors.configured.some((factor) => (PASSWORDLESS_FACTORS as readonly string[]).includes(factor));
}
