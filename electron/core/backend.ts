import { hostname, userInfo } from 'node:os';
import { join } from 'node:path';
import type { Settings } from '../../shared/contract';
import { AUDIT_LOG_PATH } from './audit-log';
import { openAuditShipper, shippingTrail, type DeliveryPolicy } from './audit-shipper';
import { openAuditTrail } from './audit-trail';
import { openConnectionStore } from './connection-store';
import { DEFAULT_CALL_POLICY, type CallPolicy } from './cognito-gateway';
import { BUILT_IN_CONNECTION_IDS, createConnectionRegistry } from './connections';
import { createCrossPoolSearches, type SearchPacing } from './cross-pool-search';
import type { StartDemoEnvironment } from './demo-environment';
import { openDiagnosticLog, type DiagnosticLog } from './diagnostics';
import { describePolicyProblem, loadPolicy, type PolicyState } from './policy';
import { createPolicyRules } from './policy-rules';
import { createDispatcher, type Dispatcher } from './dispatcher';
import { createInflightTracker, trackedDispatcher, withTimeout } from './inflight';
import { createRecoveryService } from './service';
import { createMemoryVault, type SecretVault } from './secret-vault';
import { openSettingsStore, type SettingsStore } from './settings-store';

export interface BackendOptions {
  /** All state lives here, the emulator's included. */
  dataDir: string;
  /** Starts the offline demo emulator; called once, on first use of the demo connection. */
  startDemo: StartDemoEnvironment;
  env?: NodeJS.ProcessEnv;
  /** Where typed-in AWS keys go. Default: memory only (the browser shell; the desktop passes safeStorage). */
  vault?: SecretVault;
  /** Deadlines and fact-cache time of every Cognito call; tests shorten them. */
  callPolicy?: Partial<CallPolicy>;
  /**
   * The operating system's preferred languages, most preferred first, for the page to follow. The
   * desktop shell passes Electron's; the browser shell leaves them out (the browser's are the page's).
   */
  systemLanguages?: readonly string[];
  /** The organization's policy; by default read from the machine-wide file (electron/core/policy.ts). */
  policy?: PolicyState;
  /** Deadlines and retry pacing of the central audit trail's delivery; tests shorten them. */
  auditDelivery?: Partial<DeliveryPolicy>;
  /** How fast a search across pools may call Cognito (cross-pool-search.ts); the defaults stay within the quotas. */
  searchPacing?: Partial<SearchPacing>;
}

/** How long closing waits for calls in flight (a recovery action's deadline and then some), and again for the rest to close. */
export const CLOSE_TIMEOUT_MS = 5_000;

export interface Backend {
  /** Every call is tracked, so closing can wait for it; once closing, calls are refused. */
  dispatch: Dispatcher;
  /** The shells log what they refuse here too. */
  diagnostics: DiagnosticLog;
  /** The operator's settings, for the shell's own use: the desktop's menus speak the language chosen there. */
  settings: SettingsWatch;
  /**
   * Refuses new calls, waits (at most `timeoutMs`) for those in flight, so a recovery action already
   * sent gets its audit record, then closes the emulator, the audit log and the diagnostic log.
   */
  close(timeoutMs?: number): Promise<void>;
}

export interface SettingsWatch {
  get(): Promise<Settings>;
  /** Calls `listener` after each saved change (whoever made it); the returned function stops it. */
  onChange(listener: (settings: Settings) => void): () => void;
}

/** Composes the privileged side once; both shells call this and serve `dispatch`. */
export function createBackend(options: BackendOptions): Backend {
  const env = options.env ?? process.env;
  const osUser = operatingSystemUser(env);
  const vault = options.vault ?? createMemoryVault();
  const diagnostics = openDiagnosticLog(options.dataDir);
  const policy = options.policy ?? loadPolicy({ env });
  if (policy.status === 'active') diagnostics.info('policy-loaded', { path: policy.path });
  if (policy.status === 'invalid') diagnostics.warn('policy-invalid', { path: policy.path, problems: policy.problems.map(describePolicyProblem) });
  const rules = createPolicyRules(policy);
  const store = openConnectionStore({
    path: join(options.dataDir, 'connections.json'),
    vault,
    reservedIds: BUILT_IN_CONNECTION_IDS,
    presetIds: rules.presetConnections.map((preset) => preset.id),
  });
  const connections = createConnectionRegistry({
    startDemo: options.startDemo,
    env,
    store,
    memoryOnlyBecause: vault.memoryOnlyBecause,
    roleSessionName: roleSessionName(osUser),
    diagnostics,
    callPolicy: { ...DEFAULT_CALL_POLICY, ...options.callPolicy },
    demo: rules.demo,
    presets: rules.presetConnections,
  });
  const auditPath = join(options.dataDir, AUDIT_LOG_PATH);
  // With the policy's audit.cloudWatchLogs, every record also goes to that log group, from the local log.
  const shipper = openAuditShipper({
    auditPath,
    positionPath: join(options.dataDir, 'audit', 'cloudwatch-position.json'),
    destination: policy.status === 'active' ? policy.policy.audit?.cloudWatchLogs : undefined,
    osUser,
    computer: hostname(),
    env,
    diagnostics,
    policy: options.auditDelivery,
  });
  const audit = shippingTrail(openAuditTrail(auditPath), shipper);
  const settings = watchSettings(openSettingsStore(join(options.dataDir, 'settings.json'), { callerVerification: rules.callerVerification }), diagnostics);
  const searches = createCrossPoolSearches({ connections, diagnostics, pacing: options.searchPacing });
  const service = createRecoveryService({
    connections,
    policy: rules,
    audit,
    auditDelivery: shipper,
    settings: settings.store,
    diagnostics,
    osUser,
    systemLanguages: options.systemLanguages,
    searches,
  });
  const inflight = createInflightTracker();
  let closing: Promise<void> | undefined;
  diagnostics.info('backend-started', { dataDir: options.dataDir });
  return {
    dispatch: trackedDispatcher(createDispatcher(service, diagnostics), inflight),
    diagnostics,
    settings: settings.watch,
    close(timeoutMs = CLOSE_TIMEOUT_MS) {
      closing ??= (async () => {
        inflight.stopAccepting();
        // A search across pools runs in the background, untracked: stop it, so nothing more is sent.
        await withTimeout(() => searches.close(), timeoutMs);
        if (!(await inflight.drain(timeoutMs))) diagnostics.warn('closed-with-calls-in-flight', { pending: inflight.pending });
        await withTimeout(
          () =>
            Promise.all([connections.close(), audit.close(), shipper.close(timeoutMs)]).then(
              () => undefined,
              (error: unknown) => diagnostics.error('close-failed', error),
            ),
          timeoutMs,
        );
        await diagnostics.close();
      })();
      return closing;
    },
  };
}

/** The store as the service uses it, announcing each saved change to the shell's listeners. */
function watchSettings(file: SettingsStore, diagnostics: DiagnosticLog): { store: SettingsStore; watch: SettingsWatch } {
  const listeners = new Set<(settings: Settings) => void>();
  const store: SettingsStore = {
    ...file,
    async update(change) {
      const next = await file.update(change);
      for (const listener of listeners) {
        try {
          listener(next);
        } catch (error) {
          // The change is saved: a listener's failure (the menu, say) must not undo the answer.
          diagnostics.error('settings-listener-failed', error);
        }
      }
      return next;
    },
  };
  return {
    store,
    watch: {
      get: () => file.get(),
      onChange(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },
    },
  };
}

function operatingSystemUser(env: NodeJS.ProcessEnv): string {
  try {
    return userInfo().username;
  } catch {
    // userInfo() throws where the account has no passwd entry (some containers).
    return env.USER ?? env.USERNAME ?? 'unknown';
  }
}

/** RoleSessionName names the operator in CloudTrail: 2–64 of [\w+=,.@-]. */
function roleSessionName(osUser: string): string {
  return `recovery-desk-${osUser.replace(/[^\w+=,.@-]/g, '-')}`.slice(0, 64);
}
