import {
  AdminListUserAuthEventsCommand,
  AdminListUserSessionsCommand,
  AdminRevokeUserSessionCommand,
  AdminUpdateAuthEventFeedbackCommand,
  AdminUserGlobalSignOutCommand,
  type AuthEventType,
  type SessionDescriptionType,
} from '@aws-sdk/client-cognito-identity-provider';
import type { AuditAction } from '../../shared/audit-record';
import type { RecoveryDeskService } from '../../shared/contract';
import type { AuthEvent, UserSession } from '../../shared/sessions-model';
import type { CognitoGateway } from './cognito-gateway';
import { toApiError } from './errors';

// The user's sessions, signing out everywhere, and threat protection's auth events. The reads retry
// (the gateway's policy for AdminList…); the three writes are audited actions sent at most once.

type Channels = 'sessions:list' | 'sessions:revoke' | 'sessions:signOutEverywhere' | 'risk:events' | 'risk:feedback';

/** What every audited action names (the service's ActionTarget). */
interface ActionTarget {
  connectionId: string;
  userPoolId: string;
  username: string;
  ticket?: string | undefined;
  callerVerification?: string[] | undefined;
}

export interface SessionsAndRiskDeps {
  cognito(connectionId: string): Promise<CognitoGateway>;
  /** The service's audited-action helper: policy, caller checks, then the call, then its record. */
  audited<T extends { requestId?: string | undefined }>(action: AuditAction, target: ActionTarget, run: () => Promise<T>): Promise<T>;
}

export function sessionsAndRiskChannels({ cognito, audited }: SessionsAndRiskDeps): Pick<RecoveryDeskService, Channels> {
  return {
    async 'sessions:list'({ connectionId, userPoolId, username }) {
      const page = await (await cognito(connectionId)).send(new AdminListUserSessionsCommand({ UserPoolId: userPoolId, Username: username }));
      // "all of a user's sessions in a single page of up to 125": there is no next page to ask for.
      return { sessions: (page.Sessions ?? []).map(toUserSession) };
    },

    'sessions:revoke': (request) =>
      audited('RevokeSession', request, async () => {
        const response = await (await cognito(request.connectionId)).send(
          new AdminRevokeUserSessionCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            SessionId: request.sessionId,
            RevokeAssociatedSessions: request.linked ? 'LINKED' : 'NONE',
          }),
        );
        return { revokedAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    'sessions:signOutEverywhere': (request) =>
      audited('GlobalSignOut', request, async () => {
        const response = await (await cognito(request.connectionId)).send(
          new AdminUserGlobalSignOutCommand({ UserPoolId: request.userPoolId, Username: request.username }),
        );
        return { signedOutAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),

    async 'risk:events'({ connectionId, userPoolId, username, maxResults, nextToken }) {
      try {
        const page = await (await cognito(connectionId)).send(
          new AdminListUserAuthEventsCommand({ UserPoolId: userPoolId, Username: username, MaxResults: maxResults, NextToken: nextToken }),
        );
        return { threatProtection: true, events: (page.AuthEvents ?? []).map(toAuthEvent), ...(page.NextToken ? { nextToken: page.NextToken } : {}) };
      } catch (error) {
        // A pool without threat protection (or without the Plus plan) keeps no events: a fact about the pool.
        if (toApiError(error).code === 'UserPoolAddOnNotEnabled') return { threatProtection: false };
        throw error;
      }
    },

    'risk:feedback': (request) =>
      audited('AuthEventFeedback', request, async () => {
        const response = await (await cognito(request.connectionId)).send(
          new AdminUpdateAuthEventFeedbackCommand({
            UserPoolId: request.userPoolId,
            Username: request.username,
            EventId: request.eventId,
            FeedbackValue: request.feedback,
          }),
        );
        return { sentAt: new Date().toISOString(), requestId: response.$metadata.requestId };
      }),
  };
}

function toUserSession(session: SessionDescriptionType): UserSession {
  return {
    sessionId: session.SessionId ?? '',
    ...(session.SessionType ? { sessionType: session.SessionType } : {}),
    ...(session.ClientId ? { clientId: session.ClientId } : {}),
    ...(session.CreateDate ? { createdAt: session.CreateDate.toISOString() } : {}),
    ...(session.LastActiveDate ? { lastActiveAt: session.LastActiveDate.toISOString() } : {}),
    ...(session.DeviceType ? { device: session.DeviceType } : {}),
    ...(session.LastIPAddress ? { ipAddress: session.LastIPAddress } : {}),
    ...(session.LastLocation?.City ? { city: session.LastLocation.City } : {}),
    ...(session.LastLocation?.Country ? { country: session.LastLocation.Country } : {}),
    ...(session.OriginSessionId ? { originSessionId: session.OriginSessionId } : {}),
  };
}

function toAuthEvent(event: AuthEventType): AuthEvent {
  const context = event.EventContextData;
  const risk = event.EventRisk;
  const feedback = event.EventFeedback;
  return {
    eventId: event.EventId ?? '',
    ...(event.EventType ? { eventType: event.EventType } : {}),
    ...(event.CreationDate ? { createdAt: event.CreationDate.toISOString() } : {}),
    ...(event.EventResponse ? { response: event.EventResponse } : {}),
    ...(risk?.RiskLevel ? { riskLevel: risk.RiskLevel } : {}),
    ...(risk?.RiskDecision ? { riskDecision: risk.RiskDecision } : {}),
    ...(risk?.CompromisedCredentialsDetected !== undefined ? { compromisedCredentials: risk.CompromisedCredentialsDetected } : {}),
    challenges: (event.ChallengeResponses ?? []).map((challenge) => ({ name: challenge.ChallengeName ?? '', result: challenge.ChallengeResponse ?? '' })),
    ...(context?.IpAddress ? { ipAddress: context.IpAddress } : {}),
    ...(context?.DeviceName ? { device: context.DeviceName } : {}),
    ...(context?.City ? { city: context.City } : {}),
    ...(context?.Country ? { country: context.Country } : {}),
    ...(feedback?.FeedbackValue
      ? { feedback: { value: feedback.FeedbackValue, ...(feedback.Provider ? { provider: feedback.Provider } : {}), ...(feedback.FeedbackDate ? { at: feedback.FeedbackDate.toISOString() } : {}) } }
      : {}),
  };
}
