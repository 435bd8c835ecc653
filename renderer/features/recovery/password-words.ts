import type { PasswordCheck, PasswordCheckId } from '../../../shared/password-policy';
import type { MessageId } from '../../i18n/messages';
import type { Translate } from '../../i18n/use-t';
import type { StrengthEstimate, StrengthScore } from './password-strength';

// The pool's password rules and the strength estimate arrive as ids (from shared/password-policy
// and zxcvbn); these word them in the operator's language. Pure, for the unit tests.

const RULE_MESSAGES: Readonly<Record<PasswordCheckId, MessageId>> = {
  'min-length': 'recovery.rule.minLength',
  uppercase: 'recovery.rule.uppercase',
  lowercase: 'recovery.rule.lowercase',
  number: 'recovery.rule.number',
  symbol: 'recovery.rule.symbol',
  'no-spaces': 'recovery.rule.noSpaces',
};

/** One rule of the checklist, e.g. "At least 12 characters". */
export function ruleWords(t: Translate, check: PasswordCheck): string {
  return t(RULE_MESSAGES[check.id], check.params);
}

/** The score in words, e.g. "Strong". */
export function strengthLabel(t: Translate, score: StrengthScore): string {
  return t('recovery.strength.score', { score });
}

/** zxcvbn's warning and suggestions, as sentences. */
export function strengthAdvice(t: Translate, estimate: Pick<StrengthEstimate, 'warning' | 'suggestions'>): { warning?: string; suggestions: string[] } {
  const suggestions = estimate.suggestions.map((key) => t(`recovery.strength.suggestion.${key}`));
  return estimate.warning ? { warning: t(`recovery.strength.warning.${estimate.warning}`), suggestions } : { suggestions };
}
