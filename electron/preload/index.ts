import { contextBridge, ipcRenderer } from 'electron';
import { channels, type RecoveryDeskApi } from '../../shared/contract';

// Exposes exactly the contract: one function per channel, built by looping over it, so a new
// channel needs no change here. Nothing else of ipcRenderer reaches the page.
const api = Object.freeze(
  Object.fromEntries(channels.map((channel) => [channel, (request: unknown) => ipcRenderer.invoke(channel, request)])),
) as RecoveryDeskApi;

contextBridge.exposeInMainWorld('recoveryDesk', api);

export type { RecoveryDeskApi };
