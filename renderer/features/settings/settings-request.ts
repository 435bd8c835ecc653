import { CallerVerificationSettings, contract, MAX_CALLER_CHECKS, type BuiltInCallerCheck, type RequestOf, type ResponseOf } from '../../../shared/contract';
import { callerCheckLabel, isBuiltInCallerCheck } from '../../components/caller-check-label';
import { contractFormSchema, type FormIssue } from '../../components/contract-form';
import type { Translate } from '../../i18n/use-t';

// The settings form's values and the 'settings:update' request they make. The limits and the
// plain-text rule are the contract's; the form adds what only matters while editing the list.

export type SettingsFormValues = {
  operatorDisplayName: string;
  callerVerification: {
    enabled: boolean;
    /**
     * Objects, so each check keeps its own field (and focus and message) through edits and removals.
     * A suggested check shows in the page's language and is saved by its id while its words stay.
     */
    checks: { text: string; builtIn?: BuiltInCallerCheck }[];
  };
};

const CallerCheck = CallerVerificationSettings.shape.checks.element;

export function settingsFormValues(saved: ResponseOf<'settings:get'>, t: Translate): SettingsFormValues {
  const checks = saved.callerVerification.checks.map((check) => (isBuiltInCallerCheck(check) ? { text: callerCheckLabel(t, check), builtIn: check } : { text: check }));
  return { operatorDisplayName: saved.operatorDisplayName ?? '', callerVerification: { enabled: saved.callerVerification.enabled, checks } };
}

/** The same check twice, whatever the case: the operator would tick the same thing twice. */
function sameCheck(a: string, b: string): boolean {
  return a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();
}

/** While verification is off the list is kept for next time, less what the contract would refuse and repeats. */
export function keepableChecks(texts: readonly string[]): string[] {
  const kept: string[] = [];
  for (const text of texts) {
    const check = CallerCheck.safeParse(text);
    if (check.success && !kept.some((k) => sameCheck(k, check.data))) kept.push(check.data);
  }
  return kept.slice(0, MAX_CALLER_CHECKS);
}

/** What the organization's policy fixes of the form: caller verification is then neither edited nor sent. */
export interface SettingsFormOptions {
  callerVerificationSet?: boolean;
}

export function toSettingsRequest(values: SettingsFormValues, t: Translate, { callerVerificationSet = false }: SettingsFormOptions = {}): RequestOf<'settings:update'> {
  // Empty clears it: the audit log then shows only the computer account.
  const operatorDisplayName = values.operatorDisplayName;
  if (callerVerificationSet) return { operatorDisplayName };
  const { enabled, checks } = values.callerVerification;
  // A suggested check whose words were left as they are stays that check, for every language; edited, it is the administrator's own.
  const texts = checks.map((check) => (check.builtIn && check.text.trim() === callerCheckLabel(t, check.builtIn) ? check.builtIn : check.text));
  return { operatorDisplayName, callerVerification: { enabled, checks: enabled ? texts : keepableChecks(texts) } };
}

/** What the list must be when verification is on (turned off, or set by the organization, it is neither edited nor checked), in the page's words. */
export function settingsFormIssues(t: Translate, values: SettingsFormValues, { callerVerificationSet = false }: SettingsFormOptions = {}): FormIssue[] {
  const { enabled, checks } = values.callerVerification;
  if (!enabled || callerVerificationSet) return [];
  if (checks.length === 0) return [{ path: ['callerVerification', 'checks'], message: t('settings.checks.none') }];
  const issues: FormIssue[] = [];
  checks.forEach((check, index) => {
    const repeated = check.text.trim() !== '' && checks.slice(0, index).some((earlier) => sameCheck(earlier.text, check.text));
    if (repeated) issues.push({ path: ['callerVerification', 'checks', index, 'text'], message: t('settings.checks.repeated') });
  });
  return issues;
}

/** The form's schema, its own messages in the language of `t`. */
export function settingsFormSchema(t: Translate, options: SettingsFormOptions = {}) {
  return contractFormSchema({
    t,
    request: contract['settings:update'].request,
    toRequest: (values: SettingsFormValues) => toSettingsRequest(values, t, options),
    formIssues: (values: SettingsFormValues) => settingsFormIssues(t, values, options),
    // The contract's checks are strings; the form holds each in an object, under `text`.
    fieldPath: (path) => (path[0] === 'callerVerification' && path[1] === 'checks' && typeof path[2] === 'number' ? [...path, 'text'] : path),
  });
}
