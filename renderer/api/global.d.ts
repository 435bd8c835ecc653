import type { RecoveryDeskApi } from '../../shared/contract';

declare global {
  interface Window {
    /** Set by the desktop shell's preload; absent in the browser shell, which uses HTTP instead. */
    recoveryDesk?: RecoveryDeskApi;
  }
}

export {};
