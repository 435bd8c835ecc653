import { createHmac } from 'node:crypto';
import { CognitoFault } from '../interceptor';
import { userPoolClientNotFound, userPoolNotFound } from './cognito-errors';
import { sameText } from './same-text';
import type { CognitoStore, StoredClient, StoredPool } from './store';

// The app-client checks every public recovery call starts with: the client exists, and when it has
// a secret, the request proves it knows the secret.

export interface ClientContext {
  client: StoredClient;
  pool: StoredPool;
  /** PreventUserExistenceErrors ENABLED: unknown or disabled users get answers that do not say so. */
  hidesUserExistence: boolean;
}

export async function authenticateClient(store: CognitoStore, clientId: string, username: string, secretHash: string | undefined): Promise<ClientContext> {
  const client = await store.findClient(clientId);
  if (!client) throw userPoolClientNotFound(clientId);
  const pool = await store.describePool(client.UserPoolId);
  if (!pool) throw userPoolNotFound(client.UserPoolId);

  // A client without a secret ignores a SecretHash it is sent (assumption: not documented).
  if (client.ClientSecret) {
    if (secretHash === undefined) {
      throw new CognitoFault('NotAuthorizedException', `Client ${clientId} is configured with secret but SECRET_HASH was not received`);
    }
    if (!sameText(secretHash, expectedSecretHash(client.ClientSecret, username, clientId))) {
      throw new CognitoFault('NotAuthorizedException', `Unable to verify secret hash for client ${clientId}`);
    }
  }
  // LEGACY is the API's default when a client was created without the setting.
  return { client, pool, hidesUserExistence: client.PreventUserExistenceErrors === 'ENABLED' };
}

/**
 * Base64(HMAC-SHA256(secret, username + clientId)), over the username exactly as sent (an alias
 * included). The emulator's own copy on purpose: the console's computeSecretHash is what it checks.
 */
export function expectedSecretHash(clientSecret: string, username: string, clientId: string): string {
  return createHmac('sha256', clientSecret).update(username + clientId, 'utf8').digest('base64');
}
