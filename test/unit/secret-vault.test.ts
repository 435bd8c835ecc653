import { describe, expect, it } from 'vitest';
import { createMemoryVault, createSafeStorageVault, type SafeStorageLike } from '../../electron/core/secret-vault';

// Electron's safeStorage cannot run here (no Electron binary, DESIGN.md): a fake with its shape
// checks what the vault decides around it.
function fakeSafeStorage(options: { available?: boolean; backend?: string; failDecrypt?: boolean } = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain) => Buffer.from(`enc:${plain}`, 'utf8'),
    decryptString: (encrypted) => {
      if (options.failDecrypt) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return encrypted.toString('utf8').replace(/^enc:/, '');
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('secret vaults', () => {
  it('the memory vault writes nothing and opens nothing', async () => {
    const vault = createMemoryVault();
    expect(vault.storage).toBe('memory-only');
    expect(await vault.seal('secret')).toBeUndefined();
    expect(await vault.open('anything')).toBeUndefined();
    expect(vault.memoryOnlyBecause).toBeUndefined();
  });

  it('safeStorage seals to base64 and opens it again', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage(), 'darwin');
    expect(vault.storage).toBe('encrypted');
    const sealed = await vault.seal('{"secretAccessKey":"abc"}');
    expect(sealed).toBe(Buffer.from('enc:{"secretAccessKey":"abc"}').toString('base64'));
    expect(await vault.open(sealed ?? '')).toBe('{"secretAccessKey":"abc"}');
  });

  it('falls back to memory only, and says so, when the OS offers no encryption', () => {
    const vault = createSafeStorageVault(fakeSafeStorage({ available: false }), 'linux');
    expect(vault.storage).toBe('memory-only');
    expect(vault.memoryOnlyBecause).toBe('no-encryption');
  });

  it('treats Linux basic_text (a fixed, public key) as no encryption', () => {
    const vault = createSafeStorageVault(fakeSafeStorage({ backend: 'basic_text' }), 'linux');
    expect(vault.storage).toBe('memory-only');
    expect(vault.memoryOnlyBecause).toBe('no-keyring');
    expect(createSafeStorageVault(fakeSafeStorage({ backend: 'basic_text' }), 'win32').storage).toBe('encrypted');
  });

  it('a blob it cannot decrypt (another user or machine) opens to nothing rather than failing', async () => {
    const vault = createSafeStorageVault(fakeSafeStorage({ failDecrypt: true }), 'win32');
    expect(await vault.open('ZW5jOnNlY3JldA==')).toBeUndefined();
  });
});
