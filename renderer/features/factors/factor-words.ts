import { AuthFactor } from '../../../shared/auth-factors';
import type { MessageId } from '../../i18n/messages';
import type { Translate } from '../../i18n/use-t';

// How a user signs in and their MFA factors, in the operator's words. Pure, for the unit tests.

const FACTOR_MESSAGES: Readonly<Record<AuthFactor, MessageId>> = {
  PASSWORD: 'factors.factor.password',
  EMAIL_OTP: 'factors.factor.emailCode',
  SMS_OTP: 'factors.factor.smsCode',
  WEB_AUTHN: 'factors.factor.passkey',
  SOFTWARE_TOKEN: 'factors.factor.authenticatorApp',
};

/** MFA factors as AdminGetUser and AdminGetUserAuthFactors name them. */
const MFA_MESSAGES: Readonly<Record<string, MessageId>> = {
  SMS_MFA: 'factors.mfa.sms',
  EMAIL_OTP: 'factors.mfa.email',
  SOFTWARE_TOKEN_MFA: 'factors.mfa.authenticatorApp',
};

export function factorWords(t: Translate, factor: string): string {
  const known = AuthFactor.safeParse(factor);
  return known.success ? t(FACTOR_MESSAGES[known.data]) : factor;
}

/** "a code sent to their email and a passkey": the factors as one list, in the page's language. */
export function signInMethodsWords(t: Translate, factors: readonly string[]): string {
  return t.intl.formatList(
    factors.filter((factor) => factor !== '').map((factor) => factorWords(t, factor)),
    { type: 'conjunction' },
  );
}

/** An MFA factor by its name; one this console does not know is shown as AWS names it. */
export function mfaWords(t: Translate, method: string): string {
  const id = MFA_MESSAGES[method];
  return id ? t(id) : method;
}
