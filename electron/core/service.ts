import {
  AdminCreateUserCommand,
  AdminResetUserPasswordCommand,
  AdminSetUserPasswordCommand,
  ConfirmForgotPasswordCommand,
  ForgotPasswordCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuditAction } from '../../shared/audit-record';
import type { ParsedRequestOf, RecoveryDeskService } from '../../shared/contract';
import type { AuditShipper } from './audit-shipper';
import type { PolicyAction } from '../../shared/policy';
import type { AuditTrail } from './audit-trail';
import type { CognitoGateway } from './cognito-gateway';
import type { CrossPoolSearches } from './cross-pool-search';
import { toAppClient, toPoolDetails, toUserDetails, toUserSummary } from './cognito-mapping';
import { DEMO_CONNECTION_ID, type ConnectionRegistry } from './connections';
import { RecoveryDeskError, suggestsChangedFacts, toApiError } from './errors';
import { assessRecovery } from './recovery-verdict';
import { allowsPasswordlessSignIn, authFactorChannels, readAuthFactors } from './auth-factors';
import type { DiagnosticLog } from './diagnostics';
import { computeSecretHash } from './secret-hash';
import type { SettingsStore } from './settings-store';
import { phoneSearchValue } from './phone-numbers';
import type { PolicyRules } from './policy-rules';
import { sessionsAndRiskChannels } from './sessions-and-risk';
import { buildUserFilter, mergeFoundUsers, planCallerLookups } from './user-filter';

type RecoveryTarget = ParsedRequestOf<'recovery:forgotPassword'>;

/** Each audited action by the name the organization's policy gives it. */
const POLICY_ACTION: Readonly<Record<AuditAction, PolicyAction>> = {
  ForgotPassword: 'forgotPassword',
  ConfirmForgotPassword: 'confirmForgotPassword',
  ResendInvitation: 'resendInvitation',
  AdminResetUserPassword: 'adminResetPassword',
  AdminSetTemporaryPassword: 'setTemporaryPassword',
  RevokeSession: 'revokeSession',
  GlobalSignOut: 'globalSignOut',
  AuthEventFeedback: 'authEventFeedback',
  ResetMfa: 'resetMfa',
};

/** ListUsers' largest page: the one search box asks each lookup for this much, once. */
const FIND_PAGE_SIZE = 60;

/** What every audited action names: where, which user, and the operator's ticket and checks. */
interface ActionTarget {
  connectionId: string;
  userPoolId: string;
  username: string;
  clientId?: string | undefined;
  ticket?: string | undefined;
  callerVerification?: string[] | undefined;
}

export interface ServiceOptions {
  connections: ConnectionRegistry;
  /** The organization's policy, enforced before every recovery action. */
  policy: PolicyRules;
  audit: AuditTrail;
  /** The central audit trail's delivery (CloudWatch Logs), for its state. */
  auditDelivery: Pick<AuditShipper, 'state'>;
  settings: SettingsStore;
  diagnostics: DiagnosticLog;
  /** The operating-system account running Recovery Desk. */
  osUser: string;
  /** Searches for a caller across pools, running in the background (cross-pool-search.ts). */
  searches: CrossPoolSearches;
  /** The operating system's preferred languages, most preferred first: the desktop shell says, the browser shell does not. */
  systemLanguages?: readonly string[] | undefined;
}

/** Implements every contract channel on validated input. With the connection test (connections.ts), the only code that talks to Cognito. */
export function createRecoveryService({ connections, policy, audit, auditDelivery, settings, diagnostics, osUser, systemLanguages, searches }: ServiceOptions): RecoveryDeskService {
  /** What the settings view adds from the shell: who runs the app, and in which languages the system speaks. */
  const shellFacts = { osUser, ...(systemLanguages ? { systemLanguages: [...systemLanguages] } : {}) };
  const cognito = (connectionId: string) => connections.client(connectionId);
  // The schemas already pin demo channels to 'demo'; this keeps the rule true if they change.
  const demo = async (connectionId: string) => {
    if (connectionId !== DEMO_CONNECTION_ID) throw new RecoveryDeskError('DemoOnly');
    return connections.demo();
  };

  /** The SECRET_HASH to send, when the app client has a secret. The secret stays in the facts cache and this function. */
  async function secretHashFor(cognito: CognitoGateway, target: RecoveryTarget): Promise<string | undefined> {
    const secret = (await cognito.facts.appClient(target.userPoolId, target.clientId))?.ClientSecret;
    return secret ? computeSecretHash(target.username, target.clientId, secret) : undefined;
  }

  async function poolDetails(cognito: CognitoGateway, userPoolId: string) {
    const pool = await cognito.facts.pool(userPoolId);
    if (!pool) throw new RecoveryDeskError('ResourceNotFound');
    return toPoolDetails(pool, userPoolId);
  }

  /**
   * Runs one recovery action and appends its outcome to the audit log before answering: success is
   * reported only once its record is on disk. The organization's policy (the action, the ticket) and
   * caller verification, when the settings require it, are checked first, and a refusal is recorded too.
   */
  async function audited<T extends { requestId?: string | undefined }>(action: AuditAction, target: ActionTarget, run: () => Promise<T>): Promise<T> {
    const current = await settings.get();
    const connection = await connections.get(target.connectionId).catch(() => undefined);
    const subject = {
      operator: { osUser, ...(current.operatorDisplayName ? { displayName: current.operatorDisplayName } : {}) },
      connection: { id: target.connectionId, name: connection?.name ?? target.connectionId, region: connection?.region ?? '' },
      userPoolId: target.userPoolId,
      username: target.username,
      ...(target.clientId ? { clientId: target.clientId } : {}),
      ...(target.ticket ? { ticket: target.ticket } : {}),
      ...(target.callerVerification?.length ? { callerVerification: target.callerVerification } : {}),
    };
    let result: T;
    // The connection's Cognito facts, once the action has run (a refusal before it opens nothing new).
    const factsOf = async () => (await connections.client(target.connectionId).catch(() => undefined))?.facts;
    try {
      policy.checkAction(POLICY_ACTION[action], target.ticket);
      if (current.callerVerification.enabled) {
        const ticked = new Set(target.callerVerification ?? []);
        const missing = current.callerVerification.checks.filter((check) => !ticked.has(check));
        if (missing.length > 0) throw new RecoveryDeskError('CallerNotVerified', { params: { missingChecks: missing.length } });
      }
      result = await run();
    } catch (caught) {
      const failure = toApiError(caught);
      const facts = await factsOf();
      // Whatever happened, the user may have changed: the next read asks Cognito.
      facts?.forgetUser(target.userPoolId, target.username);
      // A changed secret, deleted client or new recovery setting: read the facts afresh next time.
      if (suggestsChangedFacts(failure.code)) facts?.forgetPool(target.userPoolId);
      // A failure records the sub only when already known (no call), and none for a user Cognito did not find.
      if (failure.code === 'UserNotFound') facts?.forgetSub(target.userPoolId, target.username);
      const sub = failure.code === 'UserNotFound' ? undefined : facts?.knownSub(target.userPoolId, target.username);
      // What may have happened depends on the action: the page words it from the action named here.
      const error = failure.code === 'OutcomeUnknown' ? new RecoveryDeskError('OutcomeUnknown', { ...failure, params: { ...failure.params, action } }) : caught;
      // The Cognito error is what the operator needs; a failed audit write must not hide it.
      const outcome = failure.code === 'OutcomeUnknown' ? 'unknown' : 'failure';
      await audit
        .record({ ...subject, ...(sub ? { sub } : {}) }, action, { outcome, code: failure.code, requestId: failure.requestId })
        .catch((auditError: unknown) => diagnostics.error('audit-write-failed', auditError, { action }));
      throw error;
    }
    const facts = await factsOf();
    facts?.forgetUser(target.userPoolId, target.username);
    // Known from the search or the opened user in the usual journey, else read once. The action
    // happened: a failed read leaves only the sub out of its record.
    const sub = await facts?.sub(target.userPoolId, target.username).catch((readError: unknown) => {
      diagnostics.warn('audit-sub-unknown', { action, code: toApiError(readError).code });
      return undefined;
    });
    try {
      await audit.record({ ...subject, ...(sub ? { sub } : {}) }, action, { outcome: 'success', code: 'OK', requestId: result.requestId });
    } catch (auditError) {
      diagnostics.error('audit-write-failed', auditError, { action });
      throw new RecoveryDeskError('AuditUnavailable', { params: { action } });
    }
    return result;
  }

  function recoveryParameters(target: RecoveryTarget, secretHash: string | undefined) {
    return {
      ClientId: target.clientId,
      Username: target.username,
      ...(secretHash ? { SecretHash: secretHash } : {}),
      ...(target.userContextData ? { UserContextData: target.userContextData } : {}),
      ...(target.analyticsMetadata ? { AnalyticsMetadata: target.analyticsMetadata } : {}),
      ...(target.clientMetadata ? { ClientMetadata: target.clientMetadata } : {}),
    };
  }

  return {
    'connections:list': () => connections.list(),
    'connections:profiles': () => connections.profiles(),
    'connections:save': (request) => connections.save(request),
    'connections:rename': ({ connectionId, name }) => connections.rename(connectionId, name),
    async 'connections:delete'({ connectionId }) {
      return { deleted: await connections.remove(connectionId) };
    },
    'connections:test': ({ connectionId, mfaCode }) => connections.test(connectionId, mfaCode),

    async 'pools:list'({ connectionId, maxResults, nextToken }) {
      const page = await (await cognito(connectionId)).send(new ListUserPoolsCommand({ MaxResults: maxResults, NextToken: nextToken }));
      return {
        pools: (page.UserPools ?? []).map((pool) => ({
          id: pool.Id ?? '',
          name: pool.Name ?? '',
          createdAt: pool.CreationDate?.toISOString(),
          lastModifiedAt: pool.LastModifiedDate?.toISOString(),
        })),
        nextToken: page.NextToken,
      };
    },

    async 'pools:describe'({ connectionId, userPoolId }) {
      return poolDetails(await cognito(connectionId), userPoolId);
    },

    async 'pools:refresh'({ connectionId, userPoolId }) {
      (await cognito(connectionId)).facts.forgetPool(userPoolId);
      return { refreshedAt: new Date().toISOString() };
    },

    async 'clients:list'({ connectionId, userPoolId, maxResults, nextToken }) {
      const gateway = await cognito(connectionId);
      const page = await gateway.send(new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: maxResults, NextToken: nextToken }));
      // ListUserPoolClients says nothing about secrets or existence errors; DescribeUserPoolClient (cached) does.
      const clients = await Promise.all(
        (page.UserPoolClients ?? []).map(async (summary) =>
          toAppClient(summary.ClientId ?? '', await gateway.facts.appClient(userPoolId, summary.ClientId ?? ''), summary.ClientName),
        ),
      );
      return { clients, nextToken: page.NextToken };
    },

    async 'users:search'({ connectionId, userPoolId, attribute, match, value, limit, paginationToken }) {
      // Cognito holds phone numbers in E.164: "555-555-0142" is searched as +15555550142 in a US connection.
      const searched = attribute === 'phone_number' && value !== '' ? phoneSearchValue(value, (await connections.get(connectionId)).defaultCountry) : value;
      const filter = buildUserFilter(attribute, match, searched);
      const page = await (await cognito(connectionId)).send(
        new ListUsersCommand({ UserPoolId: userPoolId, Filter: filter, Limit: limit, PaginationToken: paginationToken }),
      );
      return { users: (page.Users ?? []).map(toUserSummary), paginationToken: page.PaginationToken, value: searched };
    },

    async 'users:find'({ connectionId, userPoolId, text }) {
      const { defaultCountry } = await connections.get(connectionId);
      const plan = planCallerLookups(text, defaultCountry);
      // Every filter is built (and a too-long one refused) before anything is sent.
      const filters = plan.lookups.map((lookup) => buildUserFilter(lookup.attribute, lookup.match, lookup.value));
      const gateway = await cognito(connectionId);
      // In parallel, first page each: the operator is on the phone, and more than a page means the text is too short to tell.
      const pages = await Promise.all(filters.map((filter) => gateway.send(new ListUsersCommand({ UserPoolId: userPoolId, Filter: filter, Limit: FIND_PAGE_SIZE }))));
      return {
        users: mergeFoundUsers(plan.lookups, pages.map((page) => (page.Users ?? []).map(toUserSummary))),
        lookups: plan.lookups.map((lookup, index) => ({ ...lookup, moreAvailable: Boolean(pages[index]?.PaginationToken) })),
        ...(defaultCountry ? { defaultCountry } : {}),
        ...(plan.phoneNotRead ? { phoneNotRead: plan.phoneNotRead } : {}),
      };
    },

    // Finding the caller in every pool: started here, then followed and stopped by its id.
    'search:start': (request) => searches.start(request),
    async 'search:progress'({ searchId }) {
      return searches.progress(searchId);
    },
    async 'search:cancel'({ searchId }) {
      return searches.cancel(searchId);
    },

    async 'users:get'({ connectionId, userPoolId, username }) {
      return toUserDetails(await (await cognito(connectionId)).facts.user(userPoolId, username));
    },

    async 'recovery:verdict'({ connectionId, userPoolId, clientId, username }) {
      const gateway = await cognito(connectionId);
      const poolRead = poolDetails(gateway, userPoolId);
      const [pool, appClient, user, codesToday, authFactors] = await Promise.all([
        poolRead,
        gateway.facts.appClient(userPoolId, clientId),
        gateway.facts.user(userPoolId, username),
        audit.codesSentToday(connectionId, userPoolId, username),
        // Whether the user has a password at all: only a pool that lets users sign in without one
        // can have such users, so a password-only pool costs no read (the pool's facts are cached).
        // Without it (an older IAM policy, a region without the operation) the verdict is the password one.
        poolRead.then((details) =>
          allowsPasswordlessSignIn(details)
            ? readAuthFactors(gateway, userPoolId, username).catch((readError: unknown) => {
                diagnostics.warn('auth-factors-unread', { code: toApiError(readError).code });
                return undefined;
              })
            : undefined,
        ),
      ]);
      return assessRecovery({
        authFactors,
        pool,
        client: toAppClient(clientId, appClient),
        user: toUserDetails(user),
        codesSentToday: codesToday.sent,
        codesOfUnknownOutcomeToday: codesToday.unknown,
      });
    },

    'recovery:forgotPassword': (target) =>
      audited('ForgotPassword', target, async () => {
        const gateway = await cognito(target.connectionId);
        const secretHash = await secretHashFor(gateway, target);
        const response = await gateway.send(new ForgotPasswordCommand(recoveryParameters(target, secretHash)));
        const details = response.CodeDeliveryDetails;
        return {
          codeDeliveryDetails: details
            ? { destination: details.Destination, deliveryMedium: details.DeliveryMedium, attributeName: details.AttributeName }
            : undefined,
          sentAt: new Date().toISOString(),
          requestId: response.$metadata.requestId,
        };
      }),

    'recovery:confirmForgotPassword': (request) =>
      audited('ConfirmForgotPassword', request, async () => {
        const gateway = await cognito(request.connectionId);
        const secretHash = await secretHashFor(gateway, request);
        const response = await gateway.send(
          new ConfirmForgotPasswordCommand({
            ...recoveryParameters(request, secretHash),
            ConfirmationCode: request.confirmationCode,
            Password: request.password,
          }),
        );
        return { confirmedAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    'recovery:resendInvitation': (request) =>
      audited('ResendInvitation', request, async () => {
        const gateway = await cognito(request.connectionId);
        const response = await gateway.send(
          new AdminCreateUserCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            MessageAction: 'RESEND',
            // Cognito's default medium is SMS: the console names where the user can receive it.
            ...(request.deliveryMediums ? { DesiredDeliveryMediums: request.deliveryMediums } : {}),
          }),
        );
        return { sentAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    'recovery:adminResetPassword': (request) =>
      audited('AdminResetUserPassword', request, async () => {
        const gateway = await cognito(request.connectionId);
        const response = await gateway.send(
          new AdminResetUserPasswordCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            ...(request.clientMetadata ? { ClientMetadata: request.clientMetadata } : {}),
          }),
        );
        return { resetAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    ...authFactorChannels({ cognito, audited }),

    'recovery:setTemporaryPassword': (request) =>
      audited('AdminSetTemporaryPassword', request, async () => {
        const gateway = await cognito(request.connectionId);
        const response = await gateway.send(
          new AdminSetUserPasswordCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            Password: request.temporaryPassword,
            // Temporary: the user must choose their own at the next sign-in.
            Permanent: false,
          }),
        );
        return { setAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    ...sessionsAndRiskChannels({ cognito, audited }),

    async 'policy:get'() {
      return policy.view();
    },

    'audit:list': (request) => audit.list(request),
    'audit:export': (request) => audit.export(request),
    'audit:verify': () => audit.verify(),
    'audit:trail': () => auditDelivery.state(),

    async 'settings:get'() {
      const damagedFile = await settings.problem();
      return { ...(await settings.get()), ...shellFacts, ...(damagedFile ? { damagedFile } : {}) };
    },
    async 'settings:update'(change) {
      const next = await settings.update({
        ...(change.operatorDisplayName !== undefined ? { operatorDisplayName: change.operatorDisplayName || undefined } : {}),
        ...(change.callerVerification ? { callerVerification: change.callerVerification } : {}),
        ...(change.language ? { language: change.language } : {}),
      });
      return { ...next, ...shellFacts };
    },

    async 'demo:inbox'({ connectionId }) {
      return { messages: (await demo(connectionId)).inbox() };
    },
    async 'demo:clearInbox'({ connectionId }) {
      return { cleared: await (await demo(connectionId)).clearInbox() };
    },
    async 'demo:controls'({ connectionId }) {
      return (await demo(connectionId)).controls();
    },
    async 'demo:injectFault'({ connectionId, ...fault }) {
      return (await demo(connectionId)).injectFault(fault);
    },
    async 'demo:clearFaults'({ connectionId }) {
      return (await demo(connectionId)).clearFaults();
    },
    async 'demo:setThrottling'({ connectionId, enabled }) {
      return (await demo(connectionId)).setThrottling(enabled);
    },
  };
}
