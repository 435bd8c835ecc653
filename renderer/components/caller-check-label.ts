import { BUILT_IN_CALLER_CHECKS, type BuiltInCallerCheck } from '../../shared/contract';
import type { Translate } from '../i18n/use-t';

const builtIn = new Set<string>(BUILT_IN_CALLER_CHECKS);

/** Whether a check is one Recovery Desk suggests (kept by id), rather than one an administrator wrote. */
export function isBuiltInCallerCheck(check: string): check is BuiltInCallerCheck {
  return builtIn.has(check);
}

/** A caller check as the operator reads it: a suggested one in the page's language, a written one as written. */
export function callerCheckLabel(t: Translate, check: string): string {
  return isBuiltInCallerCheck(check) ? t(`common.callerCheck.${check}`) : check;
}

/** A written check is the administrator's own words, in their language: marked so no page translator rewrites it. */
export function callerCheckTranslate(check: string): 'no' | undefined {
  return isBuiltInCallerCheck(check) ? undefined : 'no';
}
