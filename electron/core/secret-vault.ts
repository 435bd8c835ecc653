/**
 * Where typed-in AWS keys go. `seal` turns them into text that may be written to disk, or
 * undefined when nothing may be written (the keys then live in memory only); `open` reverses it,
 * or gives undefined when it cannot (another machine's, another user's, or a memory-only shell).
 */
export interface SecretVault {
  readonly storage: 'encrypted' | 'memory-only';
  seal(plain: string): Promise<string | undefined>;
  open(sealed: string): Promise<string | undefined>;
  /** Why secrets are memory-only although the shell would encrypt them (the page words it). */
  readonly memoryOnlyBecause?: MemoryOnlyReason;
}

/** no-encryption: the system offers none; no-keyring: Linux without GNOME Keyring or KWallet running. */
export type MemoryOnlyReason = 'no-encryption' | 'no-keyring';

/** The browser shell's vault (and the tests'): typed-in secrets are never written to disk. */
export function createMemoryVault(because?: MemoryOnlyReason): SecretVault {
  return {
    storage: 'memory-only',
    seal: async () => undefined,
    open: async () => undefined,
    ...(because ? { memoryOnlyBecause: because } : {}),
  };
}

/** The part of Electron's safeStorage the vault uses; core never imports Electron itself. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only. */
  getSelectedStorageBackend?(): string;
}

/**
 * The desktop shell's vault: Electron's safeStorage (macOS Keychain, Windows DPAPI, the Linux
 * secret service), base64 in the connections file. Call after the app is ready.
 */
export function createSafeStorageVault(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretVault {
  let available = false;
  try {
    available = safeStorage.isEncryptionAvailable();
  } catch {
    available = false;
  }
  if (!available) {
    return createMemoryVault('no-encryption');
  }
  // Linux without a keyring falls back to a fixed, well-known key: that is obfuscation, not encryption.
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') {
    return createMemoryVault('no-keyring');
  }
  return {
    storage: 'encrypted',
    seal: async (plain) => safeStorage.encryptString(plain).toString('base64'),
    async open(sealed) {
      try {
        return safeStorage.decryptString(Buffer.from(sealed, 'base64'));
      } catch {
        // Sealed by another user, machine or keyring: ask for the keys again rather than fail.
        return undefined;
      }
    },
  };
}
