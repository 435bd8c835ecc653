// Confirmation codes are read out over the phone or pasted from a message. Cognito's code pattern
// has no whitespace, so none is ever kept; spaces, tabs and line breaks anywhere are dropped.

/** What the code field keeps of whatever was typed or pasted: everything but whitespace. */
export function cleanCodeInput(value: string): string {
  return value.replace(/\s+/gu, '');
}

/** The code as sent: without whitespace, nor the dashes a caller may read out between groups. */
export function normaliseCode(code: string): string {
  return cleanCodeInput(code).replace(/-+/gu, '');
}

/** Whether a code has the form Cognito's own messages use: 6 digits. Custom senders may differ. */
export function looksLikeCognitoCode(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/** Codes stay valid for one hour from the moment Cognito sent them. */
export const CODE_LIFETIME_MS = 60 * 60_000;

/** When a code sent at `sentAt` (ISO) stops working, or undefined when the time is unknown. */
export function codeExpiresAt(sentAt: string | undefined): Date | undefined {
  if (!sentAt) return undefined;
  const sent = new Date(sentAt).getTime();
  return Number.isNaN(sent) ? undefined : new Date(sent + CODE_LIFETIME_MS);
}
