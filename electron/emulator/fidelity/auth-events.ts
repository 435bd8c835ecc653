import { CognitoFault, validationFault, type CognitoRequest } from '../interceptor';
import { pageSize, readToken, writeToken } from '../paging';
import { findAdminTarget } from './admin-target';
import type { FidelityContext } from './context';
import type { StoredPool } from './store';
import { findUser } from './user-lookup';
import { changeActivity, originOf, recordAuthEvent, threatProtectionOn, type StoredAuthEvent } from './user-activity';

// Threat protection's event history (AWS API Reference: AdminListUserAuthEvents, AdminUpdateAuthEventFeedback,
// AuthEventType, EventFeedbackType), which cognito-local lacks. Only a pool whose UserPoolAddOns
// AdvancedSecurityMode is AUDIT or ENFORCED keeps events; every other pool answers
// UserPoolAddOnNotEnabledException (both operations list it among their errors).

/** "Returns 60 events if you set MaxResults to 0, or if you don't include a MaxResults parameter." */
const DEFAULT_EVENTS = 60;
/** AdminUpdateAuthEventFeedback's EventId (API model: 1–50 characters, [\w+-]+). */
const EVENT_ID = /^[\w+-]{1,50}$/u;

function requireThreatProtection(pool: StoredPool): void {
  if (!threatProtectionOn(pool)) throw new CognitoFault('UserPoolAddOnNotEnabledException', 'User pool add-on is not enabled for this user pool.');
}

/** AdminListUserAuthEvents: newest first, MaxResults 0–60, NextToken. */
export async function adminListUserAuthEvents(ctx: FidelityContext, request: CognitoRequest) {
  const { pool, user } = await findAdminTarget(ctx, request);
  const limit = pageSize(request.MaxResults, 'maxResults', false) || DEFAULT_EVENTS;
  requireThreatProtection(pool);
  const scope = { op: 'AdminListUserAuthEvents', pool: pool.Id, filter: user.Username };
  const after = readToken(request.NextToken, scope);
  const events = [...(user.AuthEvents ?? [])].sort((a, b) => b.CreationDate.getTime() - a.CreationDate.getTime() || (a.EventId < b.EventId ? -1 : 1));
  const start = after === undefined ? 0 : events.findIndex((event) => event.EventId === after) + 1;
  const page = events.slice(start, start + limit);
  const last = start + limit < events.length ? page.at(-1)?.EventId : undefined;
  return { AuthEvents: page, ...(last === undefined ? {} : { NextToken: writeToken(scope, last) }) };
}

/** AdminUpdateAuthEventFeedback: Valid or Invalid, shown afterwards in the event's EventFeedback (Provider Admin, as for the console). */
export async function adminUpdateAuthEventFeedback(ctx: FidelityContext, request: CognitoRequest): Promise<Record<string, never>> {
  const { pool, user } = await findAdminTarget(ctx, request);
  const { EventId: eventId, FeedbackValue: value } = request;
  if (typeof eventId !== 'string' || !EVENT_ID.test(eventId)) throw validationFault('eventId', eventId, 'Member must satisfy regular expression pattern: [\\w+-]+');
  if (value !== 'Valid' && value !== 'Invalid') throw validationFault('feedbackValue', value, 'Member must satisfy enum value set: [Valid, Invalid]');
  requireThreatProtection(pool);
  const found = await changeActivity(ctx, pool.Id, user.Username, (activity) => {
    const event = activity.AuthEvents.find((candidate) => candidate.EventId === eventId);
    if (!event) return false;
    const feedback: StoredAuthEvent['EventFeedback'] = { FeedbackValue: value, Provider: 'Admin', FeedbackDate: new Date(ctx.clock.now()) };
    activity.AuthEvents = activity.AuthEvents.map((candidate) => (candidate === event ? { ...candidate, EventFeedback: feedback } : candidate));
    return true;
  });
  // The exception is the emulator's choice for an unknown event (AWS names no wording).
  if (!found) throw new CognitoFault('ResourceNotFoundException', 'Auth event does not exist.');
  return {};
}

/** ForgotPassword in a pool with threat protection: an event for the user it names (none for an unknown user). */
export async function withForgotPasswordEvent(ctx: FidelityContext, request: CognitoRequest, run: () => Promise<unknown>): Promise<unknown> {
  const clientId = request.ClientId;
  const client = typeof clientId === 'string' ? await ctx.store.findClient(clientId) : undefined;
  const pool = client ? await ctx.store.describePool(client.UserPoolId) : undefined;
  const user = pool && threatProtectionOn(pool) && typeof request.Username === 'string' ? await findUser(ctx.store, pool, request.Username) : undefined;
  const record = (response: 'Pass' | 'Fail') =>
    pool && user ? recordAuthEvent(ctx, pool, user, { type: 'ForgotPassword', response, challenges: [], origin: originOf(request) }) : Promise.resolve();
  try {
    const result = await run();
    await record('Pass');
    return result;
  } catch (error) {
    await record('Fail');
    throw error;
  }
}
