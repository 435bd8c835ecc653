import {
  AdminGetUserCommand,
  ConfirmForgotPasswordCommand,
  DescribeUserPoolClientCommand,
  DescribeUserPoolCommand,
  ForgotPasswordCommand,
  ListUserPoolClientsCommand,
  ListUserPoolsCommand,
  ListUsersCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
  type UserType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { ParsedRequestOf, RecoveryDeskService, UserSummary } from '../../shared/contract';
import { DEMO_CONNECTION_ID, type ConnectionRegistry } from './connections';
import { RecoveryDeskError } from './errors';
import { computeSecretHash } from './secret-hash';
import { buildUserFilter } from './user-filter';

type RecoveryTarget = ParsedRequestOf<'recovery:forgotPassword'>;

/** Implements every contract channel on validated input. The only code that talks to Cognito. */
export function createRecoveryService(connections: ConnectionRegistry): RecoveryDeskService {
  const cognito = (connectionId: string) => connections.client(connectionId);
  // The schemas already pin demo channels to 'demo'; this keeps the rule true if they change.
  const demo = async (connectionId: string) => {
    if (connectionId !== DEMO_CONNECTION_ID) throw new RecoveryDeskError('DemoOnly');
    return connections.demo();
  };

  /** The SECRET_HASH to send, when the app client has a secret. The secret itself stays in this function. */
  async function secretHashFor(client: CognitoIdentityProviderClient, target: RecoveryTarget): Promise<string | undefined> {
    const { UserPoolClient } = await client.send(
      new DescribeUserPoolClientCommand({ UserPoolId: target.userPoolId, ClientId: target.clientId }),
    );
    const secret = UserPoolClient?.ClientSecret;
    return secret ? computeSecretHash(target.username, target.clientId, secret) : undefined;
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
    async 'connections:list'() {
      return { connections: connections.list() };
    },

    async 'pools:list'({ connectionId, maxResults, nextToken }) {
      const client = await cognito(connectionId);
      const page = await client.send(new ListUserPoolsCommand({ MaxResults: maxResults, NextToken: nextToken }));
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
      const client = await cognito(connectionId);
      const { UserPool: pool } = await client.send(new DescribeUserPoolCommand({ UserPoolId: userPoolId }));
      if (!pool) throw new RecoveryDeskError('ResourceNotFound');
      const policy = pool.Policies?.PasswordPolicy;
      return {
        id: pool.Id ?? userPoolId,
        name: pool.Name ?? '',
        createdAt: pool.CreationDate?.toISOString(),
        lastModifiedAt: pool.LastModifiedDate?.toISOString(),
        passwordPolicy: {
          // Cognito's defaults when a pool was created without a policy.
          minimumLength: policy?.MinimumLength ?? 8,
          requireUppercase: policy?.RequireUppercase ?? false,
          requireLowercase: policy?.RequireLowercase ?? false,
          requireNumbers: policy?.RequireNumbers ?? false,
          requireSymbols: policy?.RequireSymbols ?? false,
          temporaryPasswordValidityDays: policy?.TemporaryPasswordValidityDays,
          passwordHistorySize: policy?.PasswordHistorySize,
        },
        recoveryMechanisms: (pool.AccountRecoverySetting?.RecoveryMechanisms ?? [])
          .flatMap((m) => (m.Name && m.Priority ? [{ name: m.Name, priority: m.Priority }] : []))
          .sort((a, b) => a.priority - b.priority),
        usernameAttributes: pool.UsernameAttributes ?? [],
        aliasAttributes: pool.AliasAttributes ?? [],
        autoVerifiedAttributes: pool.AutoVerifiedAttributes ?? [],
        mfaConfiguration: pool.MfaConfiguration ?? 'OFF',
        estimatedNumberOfUsers: pool.EstimatedNumberOfUsers,
      };
    },

    async 'clients:list'({ connectionId, userPoolId, maxResults, nextToken }) {
      const client = await cognito(connectionId);
      const page = await client.send(
        new ListUserPoolClientsCommand({ UserPoolId: userPoolId, MaxResults: maxResults, NextToken: nextToken }),
      );
      // ListUserPoolClients says nothing about secrets or existence errors; DescribeUserPoolClient does.
      const clients = await Promise.all(
        (page.UserPoolClients ?? []).map(async (summary) => {
          const { UserPoolClient: details } = await client.send(
            new DescribeUserPoolClientCommand({ UserPoolId: userPoolId, ClientId: summary.ClientId }),
          );
          return {
            clientId: summary.ClientId ?? '',
            clientName: details?.ClientName ?? summary.ClientName ?? '',
            hasSecret: Boolean(details?.ClientSecret),
            preventUserExistenceErrors: details?.PreventUserExistenceErrors ?? 'LEGACY',
          };
        }),
      );
      return { clients, nextToken: page.NextToken };
    },

    async 'users:search'({ connectionId, userPoolId, attribute, match, value, limit, paginationToken }) {
      const filter = buildUserFilter(attribute, match, value);
      const client = await cognito(connectionId);
      const page = await client.send(
        new ListUsersCommand({ UserPoolId: userPoolId, Filter: filter, Limit: limit, PaginationToken: paginationToken }),
      );
      return { users: (page.Users ?? []).map(toUserSummary), paginationToken: page.PaginationToken };
    },

    async 'users:get'({ connectionId, userPoolId, username }) {
      const client = await cognito(connectionId);
      const user = await client.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: username }));
      const attributes = user.UserAttributes ?? [];
      return {
        ...toUserSummary({
          Username: user.Username,
          Attributes: attributes,
          UserStatus: user.UserStatus,
          Enabled: user.Enabled,
          UserCreateDate: user.UserCreateDate,
          UserLastModifiedDate: user.UserLastModifiedDate,
        }),
        attributes: attributes.map((a) => ({ name: a.Name ?? '', value: a.Value ?? '' })),
        preferredMfa: user.PreferredMfaSetting || undefined,
        mfaMethods: user.UserMFASettingList ?? (user.MFAOptions ?? []).flatMap((o) => (o.DeliveryMedium ? [`${o.DeliveryMedium}_MFA`] : [])),
      };
    },

    async 'recovery:forgotPassword'(target) {
      const client = await cognito(target.connectionId);
      const secretHash = await secretHashFor(client, target);
      const response = await client.send(new ForgotPasswordCommand(recoveryParameters(target, secretHash)));
      const details = response.CodeDeliveryDetails;
      return {
        codeDeliveryDetails: details
          ? { destination: details.Destination, deliveryMedium: details.DeliveryMedium, attributeName: details.AttributeName }
          : undefined,
        sentAt: new Date().toISOString(),
        requestId: response.$metadata.requestId,
      };
    },

    async 'recovery:confirmForgotPassword'(request) {
      const client = await cognito(request.connectionId);
      const secretHash = await secretHashFor(client, request);
      const response = await client.send(
        new ConfirmForgotPasswordCommand({
          ...recoveryParameters(request, secretHash),
          ConfirmationCode: request.confirmationCode,
          Password: request.password,
        }),
      );
      return { confirmedAt: new Date().toISOString(), requestId: response.$metadata.requestId };
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

function attribute(attributes: AttributeType[], name: string): string | undefined {
  return attributes.find((a) => a.Name === name)?.Value;
}

function toUserSummary(user: UserType): UserSummary {
  const attributes = user.Attributes ?? [];
  return {
    username: user.Username ?? '',
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled ?? true,
    email: attribute(attributes, 'email'),
    emailVerified: attribute(attributes, 'email_verified') === 'true',
    phoneNumber: attribute(attributes, 'phone_number'),
    phoneNumberVerified: attribute(attributes, 'phone_number_verified') === 'true',
    name: attribute(attributes, 'name'),
    sub: attribute(attributes, 'sub'),
    createdAt: user.UserCreateDate?.toISOString(),
    lastModifiedAt: user.UserLastModifiedDate?.toISOString(),
  };
}
