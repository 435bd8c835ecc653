import { createHmac } from 'node:crypto';

/**
 * SECRET_HASH for an app client with a secret: Base64(HMAC-SHA256(secret, username + clientId)),
 * over the exact username string sent to Cognito (an alias stays an alias).
 */
export function computeSecretHash(username: string, clientId: string, clientSecret: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId, 'utf8').digest('base64');
}
