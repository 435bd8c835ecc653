// How Cognito shows a delivery destination in CodeDeliveryDetails. The format is not documented;
// this is what real responses look like in public reports: a***@e*** and +*******0142.

export type DeliveryMedium = 'EMAIL' | 'SMS';

/** a***@e***: the first character of the local part and of the domain. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  const local = at < 0 ? address : address.slice(0, at);
  const domain = at < 0 ? '' : address.slice(at + 1);
  return `${firstChar(local)}***@${firstChar(domain)}***`;
}

/** +*******0142: one star per hidden digit, the last four shown. */
export function maskPhone(phoneNumber: string): string {
  const digits = phoneNumber.replace(/\D/gu, '');
  const shown = digits.slice(-4);
  return `+${'*'.repeat(digits.length - shown.length)}${shown}`;
}

export function maskDestination(medium: DeliveryMedium, destination: string): string {
  return medium === 'SMS' ? maskPhone(destination) : maskEmail(destination);
}

function firstChar(text: string): string {
  // By code point, so an accented or astral first letter is not cut in half.
  return [...text][0] ?? '';
}
