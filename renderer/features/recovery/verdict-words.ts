import type { RecoveryVerdict, VerdictReasonId } from '../../../shared/contract';
import type { MessageId } from '../../i18n/messages';
import type { Translate } from '../../i18n/use-t';
import { signInMethodsWords } from '../factors/factor-words';

// The verdict arrives as codes (status, channel, reasons with params); these put it into the
// operator's words. Pure, so the unit tests read them in English and German.

type Reason = RecoveryVerdict['reasons'][number];

const REASON_MESSAGES: Readonly<Record<VerdictReasonId, MessageId>> = {
  'no-verified-channel': 'recovery.reason.noVerifiedChannel',
  'channel-not-allowed': 'recovery.reason.channelNotAllowed',
  'mfa-disqualifies-email': 'recovery.reason.mfaDisqualifiesEmail',
  'mfa-disqualifies-phone': 'recovery.reason.mfaDisqualifiesPhone',
  disabled: 'recovery.reason.disabled',
  'force-change-password': 'recovery.reason.forceChangePassword',
  unconfirmed: 'recovery.reason.unconfirmed',
  'external-provider': 'recovery.reason.externalProvider',
  'reset-required': 'recovery.reason.resetRequired',
  'unusual-status': 'recovery.reason.unusualStatus',
  'admin-only': 'recovery.reason.adminOnly',
  'existence-errors-hidden': 'recovery.reason.existenceErrorsHidden',
  'secret-hash-automatic': 'recovery.reason.secretHashAutomatic',
  'no-password': 'recovery.reason.noPassword',
};

/** One reason in a sentence, with the facts it carries (a user's status, …). */
export function reasonWords(t: Translate, reason: Pick<Reason, 'id' | 'params'>): string {
  // The ways the user signs in arrive as factor codes; the sentence names them as a list.
  if (reason.id === 'no-password') return t(REASON_MESSAGES[reason.id], { methods: signInMethodsWords(t, String(reason.params?.factors ?? '').split(' ')) });
  return t(REASON_MESSAGES[reason.id], reason.params);
}

/** The rule as the messages' select keys name it (ICU keys take no hyphen). */
export function ruleKey(rule: RecoveryVerdict['rule']): 'poolSetting' | 'legacy' | 'adminOnly' {
  return rule === 'pool-setting' ? 'poolSetting' : rule === 'admin-only' ? 'adminOnly' : 'legacy';
}

/**
 * The line after the badge: where the code goes (ready), that the answer will not prove it
 * (uncertain), or the first thing that blocks recovery (blocked).
 */
export function verdictHeadline(t: Translate, verdict: Pick<RecoveryVerdict, 'status' | 'channel' | 'reasons'>): string {
  if (verdict.status === 'blocked') {
    const blocker = verdict.reasons.find((reason) => reason.severity === 'blocker');
    return blocker ? reasonWords(t, blocker) : '';
  }
  const where = { medium: verdict.channel?.deliveryMedium ?? 'none', destination: verdict.channel?.maskedDestination ?? '' };
  return verdict.status === 'uncertain' ? t('recovery.verdict.uncertain', where) : t('recovery.verdict.ready', where);
}

export type AlternativeOutcome =
  | { kind: 'invitation'; at: string }
  | { kind: 'admin-reset'; at: string }
  | { kind: 'temporary-password'; at: string };

/** What an alternative that just worked did, said in place of the verdict. */
export function afterActionWords(t: Translate, outcome: AlternativeOutcome, username: string, days: number): string {
  const at = new Date(outcome.at);
  switch (outcome.kind) {
    case 'invitation':
      return t('recovery.afterAction.invitation', { at, username, days });
    case 'admin-reset':
      return t('recovery.afterAction.adminReset', { at, username });
    case 'temporary-password':
      return t('recovery.afterAction.temporaryPassword', { at, username, days });
  }
}
