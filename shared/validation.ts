import { z } from 'zod';
import { messageRef } from './message-ref';
import { hasControlOrDirectionMarks } from './plain-text';

// The contract's rules speak through message ids (shared/message-ref.ts), never in English: the page
// words them in the operator's language (renderer/i18n/catalogs/*/validation.json), and the privileged
// side passes them back unchanged in an InvalidRequest's issues.

/** The fields whose rules name them ("A ticket reference has at most 100 characters"). */
export type FieldName =
  | 'connectionName'
  | 'endpoint'
  | 'externalId'
  | 'mfaDevice'
  | 'sessionName'
  | 'profileName'
  | 'secretAccessKey'
  | 'sessionToken'
  | 'username'
  | 'operator'
  | 'callerCheck'
  | 'displayName'
  | 'ticket'
  | 'userPoolId'
  | 'clientId'
  | 'code'
  | 'password';

/** A length limit that names the field and says by how much: `.max(...atMost(100, 'ticket'))`. */
export function atMost(max: number, field: FieldName) {
  return [
    max,
    { error: (issue: { input?: unknown }) => messageRef('validation.tooLong', { field, max, length: typeof issue.input === 'string' ? issue.input.length : 'none' }) },
  ] as const;
}

/** Typed text that reaches the audit log: refused when it holds control characters or direction marks (plain-text.ts). */
export function plainText(field: FieldName) {
  return z.string().refine((text) => !hasControlOrDirectionMarks(text), messageRef('validation.plainText', { field }));
}

/** What a rule without words of its own says: by the kind of problem, with its limit. */
function standardWords(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) <= 1 ? messageRef('validation.required') : messageRef('validation.tooSmall', { minimum: Number(issue.minimum) });
    case 'too_big':
      return issue.origin === 'array' || issue.origin === 'set' ? messageRef('validation.tooMany', { maximum: Number(issue.maximum) }) : messageRef('validation.tooBig', { maximum: Number(issue.maximum) });
    case 'invalid_type':
      return messageRef('validation.invalidType');
    case 'invalid_format':
      return messageRef('validation.invalidFormat');
    case 'invalid_value':
      return messageRef('validation.invalidOption');
    case 'unrecognized_keys':
      return messageRef('validation.unknownField');
    default:
      return messageRef('validation.invalid');
  }
}

// Both processes load the contract, so both speak in ids, whichever schema refused a value.
z.config({ customError: standardWords });
