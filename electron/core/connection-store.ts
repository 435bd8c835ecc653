import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { connectionSlug } from '../../shared/connection-fields';
import { AssumeRole, ConnectionId, CountryCode, EndpointUrl, Region, type ParsedRequestOf } from '../../shared/contract';
import type { FileProblem } from '../../shared/file-problem';
import { messageRef } from '../../shared/message-ref';
import { RecoveryDeskError } from './errors';
import { jsonFile } from './json-file';
import { isPhoneCountry } from './phone-numbers';
import type { SecretVault } from './secret-vault';

/** Typed-in keys. They live here and in the credential provider, nowhere else. */
export interface AccessKeys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

const AccessKeysSchema = z.object({ accessKeyId: z.string().min(1), secretAccessKey: z.string().min(1), sessionToken: z.string().min(1).optional() });

const StoredSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('profile'), profile: z.string().min(1).max(128) }),
  z.object({ kind: z.literal('default-chain') }),
  // `sealed`: the vault's text for the keys; absent when they were kept in memory only.
  z.object({ kind: z.literal('access-keys'), sealed: z.string().min(1).optional() }),
]);

const StoredConnection = z.object({
  id: ConnectionId,
  name: z.string().min(1).max(80),
  region: Region,
  endpoint: EndpointUrl.optional(),
  source: StoredSource,
  assumeRole: AssumeRole.optional(),
  /** Phone numbers typed without + are read as this country's. */
  defaultCountry: CountryCode.optional(),
  accountId: z.string().regex(/^\d{12}$/).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type StoredConnection = z.infer<typeof StoredConnection>;

const ConnectionsFile = z
  .object({ version: z.literal(1), connections: z.array(StoredConnection) })
  .refine((file) => new Set(file.connections.map((c) => c.id)).size === file.connections.length, { message: 'Two connections share an id.' });
type ConnectionsFile = z.infer<typeof ConnectionsFile>;

/** A saved connection as the registry sees it: the record plus whether its keys can be used now. */
export interface SavedConnection extends StoredConnection {
  secretsAvailable: boolean;
}

export type SaveRequest = ParsedRequestOf<'connections:save'>;

export interface ConnectionStore {
  list(): Promise<SavedConnection[]>;
  get(connectionId: string): Promise<SavedConnection | undefined>;
  /** The typed-in keys of an access-keys connection, when this process has them. */
  keys(connectionId: string): Promise<AccessKeys | undefined>;
  save(request: SaveRequest): Promise<SavedConnection>;
  rename(connectionId: string, name: string): Promise<SavedConnection>;
  remove(connectionId: string): Promise<boolean>;
  /** Remembers the account the last successful test reported. */
  setAccountId(connectionId: string, accountId: string): Promise<void>;
  /** Set when the file on disk was unreadable at load (and moved aside when it could be). */
  problem(): Promise<FileProblem | undefined>;
  readonly storage: SecretVault['storage'];
}

interface StoreOptions {
  /** `${dataDir}/connections.json` */
  path: string;
  vault: SecretVault;
  /** Ids the app owns (demo, aws-environment): never given to, or accepted for, a saved connection. */
  reservedIds: readonly string[];
  /** Ids the organization's preset connections have: never given to a saved connection. */
  presetIds?: readonly string[];
}

/**
 * The operator's saved connections, one JSON file in the data dir, validated on load. A corrupt file
 * is moved aside and reported, never a crash. Typed-in keys go through the vault: encrypted on disk,
 * or kept in this process's memory only.
 */
export function openConnectionStore({ path, vault, reservedIds, presetIds = [] }: StoreOptions): ConnectionStore {
  let records: StoredConnection[] = [];
  let problem: FileProblem | undefined;
  // Keys this process can use now, by connection id (opened from disk or typed in since start).
  const keysById = new Map<string, AccessKeys>();
  let loading: Promise<void> | undefined;
  // Ids the app owns in the file mean it was edited by hand or damaged: set aside like any damaged file.
  const file = jsonFile<ConnectionsFile>({
    path,
    schema: ConnectionsFile.refine((f) => !f.connections.some((c) => reservedIds.includes(c.id)), { message: 'A saved connection uses a built-in id.' }),
    file: 'connections',
  });

  async function load(): Promise<void> {
    const read = await file.read();
    if (read.problem) {
      problem = read.problem;
      return;
    }
    records = read.value?.connections ?? [];
    for (const record of records) {
      if (record.source.kind !== 'access-keys' || !record.source.sealed) continue;
      const keys = await openKeys(record.source.sealed);
      if (keys) keysById.set(record.id, keys);
    }
  }

  async function openKeys(sealed: string): Promise<AccessKeys | undefined> {
    try {
      const plain = await vault.open(sealed);
      if (plain === undefined) return undefined;
      const keys = AccessKeysSchema.safeParse(JSON.parse(plain));
      return keys.success ? keys.data : undefined;
    } catch {
      return undefined;
    }
  }

  const ready = () => (loading ??= load());

  // The file helper writes whole files one at a time, in call order.
  const persist = (): Promise<void> => file.write({ version: 1, connections: records });

  function view(record: StoredConnection): SavedConnection {
    return { ...record, secretsAvailable: record.source.kind !== 'access-keys' || keysById.has(record.id) };
  }

  function find(connectionId: string): StoredConnection {
    if (reservedIds.includes(connectionId)) {
      throw new RecoveryDeskError('InvalidRequest', { cause: 'built-in-connection' });
    }
    const record = records.find((r) => r.id === connectionId);
    if (!record) throw new RecoveryDeskError('ConnectionNotFound', { params: { connectionId } });
    return record;
  }

  function newId(name: string): string {
    const slug = connectionSlug(name);
    for (;;) {
      const id = `${slug || 'connection'}-${randomBytes(3).toString('hex')}`;
      if (!reservedIds.includes(id) && !presetIds.includes(id) && !records.some((r) => r.id === id)) return id;
    }
  }

  /** The keys after this save: typed-in ones replace stored ones; omitted ones are kept. */
  function mergeKeys(connectionId: string | undefined, source: Extract<SaveRequest['source'], { kind: 'access-keys' }>): AccessKeys | undefined {
    const stored = connectionId ? keysById.get(connectionId) : undefined;
    const typedAny = source.accessKeyId !== undefined || source.secretAccessKey !== undefined || source.sessionToken !== undefined;
    if (!typedAny) return stored;
    const accessKeyId = source.accessKeyId ?? stored?.accessKeyId;
    const secretAccessKey = source.secretAccessKey ?? stored?.secretAccessKey;
    const missing = [...(accessKeyId ? [] : ['source.accessKeyId']), ...(secretAccessKey ? [] : ['source.secretAccessKey'])];
    if (!accessKeyId || !secretAccessKey) {
      throw new RecoveryDeskError('InvalidRequest', {
        cause: 'keys-required',
        issues: missing.map((p) => ({ path: p, message: messageRef('validation.keys.required') })),
      });
    }
    // A session token belongs to the key pair it was issued with: a new key id drops the old token.
    const keepToken = source.accessKeyId === undefined || source.accessKeyId === stored?.accessKeyId;
    const sessionToken = source.sessionToken ?? (keepToken ? stored?.sessionToken : undefined);
    return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
  }

  return {
    storage: vault.storage,
    async list() {
      await ready();
      return records.map(view);
    },
    async get(connectionId) {
      await ready();
      const record = records.find((r) => r.id === connectionId);
      return record ? view(record) : undefined;
    },
    async keys(connectionId) {
      await ready();
      return keysById.get(connectionId);
    },
    async save(request) {
      await ready();
      const existing = request.connectionId === undefined ? undefined : find(request.connectionId);
      const endpointUrl = request.endpoint ? new URL(request.endpoint) : undefined;
      if (endpointUrl && (endpointUrl.username !== '' || endpointUrl.password !== '')) {
        throw new RecoveryDeskError('InvalidRequest', {
          cause: 'endpoint-credentials',
          issues: [{ path: 'endpoint', message: messageRef('validation.endpoint.credentials') }],
        });
      }
      if (request.defaultCountry && !isPhoneCountry(request.defaultCountry)) {
        const country = request.defaultCountry;
        throw new RecoveryDeskError('InvalidRequest', {
          cause: 'unknown-country',
          params: { country },
          issues: [{ path: 'defaultCountry', message: messageRef('validation.country.unknown', { country }) }],
        });
      }
      const id = existing?.id ?? newId(request.name);
      const now = new Date().toISOString();
      let source: StoredConnection['source'];
      let keys: AccessKeys | undefined;
      if (request.source.kind === 'access-keys') {
        keys = mergeKeys(existing?.id, request.source);
        if (!keys && existing?.source.kind !== 'access-keys') {
          throw new RecoveryDeskError('InvalidRequest', {
            cause: 'keys-required',
            issues: ['source.accessKeyId', 'source.secretAccessKey'].map((path) => ({ path, message: messageRef('validation.keys.requiredToStart') })),
          });
        }
        const typed = keys !== undefined && keys !== keysById.get(id);
        const keptSealed = existing?.source.kind === 'access-keys' ? existing.source.sealed : undefined;
        const sealed = typed ? await vault.seal(JSON.stringify(keys)) : keptSealed;
        source = { kind: 'access-keys', ...(sealed ? { sealed } : {}) };
      } else {
        source = request.source;
      }
      const record: StoredConnection = {
        id,
        name: request.name,
        region: request.region,
        ...(request.endpoint ? { endpoint: request.endpoint } : {}),
        source,
        ...(request.assumeRole ? { assumeRole: request.assumeRole } : {}),
        ...(request.defaultCountry ? { defaultCountry: request.defaultCountry } : {}),
        // No accountId: the new settings may reach another account; the next test says which.
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      };
      const previous = records;
      const previousKeys = keysById.get(id);
      records = existing ? records.map((r) => (r.id === id ? record : r)) : [...records, record];
      if (keys) keysById.set(id, keys);
      else keysById.delete(id);
      try {
        await persist();
      } catch (error) {
        records = previous;
        if (previousKeys) keysById.set(id, previousKeys);
        else keysById.delete(id);
        throw error;
      }
      return view(record);
    },
    async rename(connectionId, name) {
      await ready();
      const record = { ...find(connectionId), name, updatedAt: new Date().toISOString() };
      records = records.map((r) => (r.id === connectionId ? record : r));
      await persist();
      return view(record);
    },
    async remove(connectionId) {
      await ready();
      if (reservedIds.includes(connectionId)) find(connectionId);
      if (!records.some((r) => r.id === connectionId)) return false;
      records = records.filter((r) => r.id !== connectionId);
      keysById.delete(connectionId);
      await persist();
      return true;
    },
    async setAccountId(connectionId, accountId) {
      await ready();
      const record = records.find((r) => r.id === connectionId);
      if (!record || record.accountId === accountId || !/^\d{12}$/.test(accountId)) return;
      records = records.map((r) => (r.id === connectionId ? { ...r, accountId } : r));
      await persist();
    },
    async problem() {
      await ready();
      return problem;
    },
  };
}
