import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { Connection } from '../../shared/contract';
import type { DemoEnvironment, StartDemoEnvironment } from './demo-environment';
import { RecoveryDeskError } from './errors';

export const DEMO_CONNECTION_ID = 'demo';
export const ENVIRONMENT_CONNECTION_ID = 'aws-environment';

export interface ConnectionRegistry {
  list(): Connection[];
  /** The SDK client for a connection; starts the demo emulator on first use. */
  client(connectionId: string): Promise<CognitoIdentityProviderClient>;
  /** The running demo emulator (started on first use). */
  demo(): Promise<DemoEnvironment>;
  close(): Promise<void>;
}

interface RegistryOptions {
  startDemo: StartDemoEnvironment;
  env: NodeJS.ProcessEnv;
}

/**
 * The connections this build offers: the offline demo, and — when the environment names a
 * region or endpoint — AWS through the SDK's default credential chain. Credentials stay here.
 */
export function createConnectionRegistry({ startDemo, env }: RegistryOptions): ConnectionRegistry {
  let demo: Promise<DemoEnvironment> | undefined;
  const clients = new Map<string, Promise<CognitoIdentityProviderClient>>();
  const environmentRegion = env.AWS_REGION ?? env.AWS_DEFAULT_REGION;
  const environmentEndpoint = env.RECOVERY_DESK_ENDPOINT_URL;

  const connections: Connection[] = [
    { id: DEMO_CONNECTION_ID, name: 'Offline demo', kind: 'demo', region: 'us-east-1', endpoint: 'embedded emulator' },
  ];
  if (environmentRegion || environmentEndpoint) {
    connections.push({
      id: ENVIRONMENT_CONNECTION_ID,
      name: env.AWS_PROFILE ? `AWS profile ${env.AWS_PROFILE}` : 'AWS (environment credentials)',
      kind: 'environment',
      region: environmentRegion ?? 'us-east-1',
      ...(environmentEndpoint ? { endpoint: environmentEndpoint } : {}),
    });
  }

  function startDemoOnce(): Promise<DemoEnvironment> {
    // A failed start is not cached, so the next call tries again.
    demo ??= startDemo().catch((error: unknown) => {
      demo = undefined;
      throw error;
    });
    return demo;
  }

  async function createClient(connectionId: string): Promise<CognitoIdentityProviderClient> {
    if (connectionId === DEMO_CONNECTION_ID) {
      const environment = await startDemoOnce();
      return new CognitoIdentityProviderClient({
        region: environment.region,
        endpoint: environment.endpoint,
        // The emulator accepts any credentials; these are not secrets.
        credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
        // The emulator answers some unsupported cases with HTTP 500; retrying them only delays the error.
        maxAttempts: 1,
      });
    }
    if (connectionId === ENVIRONMENT_CONNECTION_ID && connections.some((c) => c.id === connectionId)) {
      return new CognitoIdentityProviderClient({
        region: environmentRegion ?? 'us-east-1',
        ...(environmentEndpoint ? { endpoint: environmentEndpoint } : {}),
      });
    }
    throw new RecoveryDeskError('ConnectionNotFound', `There is no connection "${connectionId}".`);
  }

  return {
    list: () => connections,
    client(connectionId) {
      let client = clients.get(connectionId);
      if (!client) {
        client = createClient(connectionId);
        clients.set(connectionId, client);
        client.catch(() => clients.delete(connectionId));
      }
      return client;
    },
    demo: startDemoOnce,
    async close() {
      for (const client of clients.values()) {
        await client.then((c) => c.destroy()).catch(() => undefined);
      }
      clients.clear();
      if (demo) await (await demo.catch(() => undefined))?.close();
      demo = undefined;
    },
  };
}
