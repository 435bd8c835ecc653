import { z } from 'zod';
import { messageRef } from './message-ref';
import { atMost } from './validation';

// Field constraints from the Cognito API model (the HTTP API reference). SDK v3 checks none of
// them, so we do, before anything is sent.

/** `[\w-]+_[0-9a-zA-Z]+`, 1–55 characters. */
export const UserPoolId = z
  .string()
  .min(1, messageRef('validation.userPoolId.required'))
  .max(...atMost(55, 'userPoolId'))
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, messageRef('validation.userPoolId.format'));

/** `[\w+]+`, 1–128 characters. */
export const ClientId = z
  .string()
  .min(1, messageRef('validation.clientId.required'))
  .max(...atMost(128, 'clientId'))
  .regex(/^[\w+]+$/, messageRef('validation.clientId.format'));

/** `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, 1–128 characters: any letter, mark, symbol, number or punctuation; no spaces. */
export const Username = z
  .string()
  .min(1, messageRef('validation.username.required'))
  .max(...atMost(128, 'username'))
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, messageRef('validation.username.format'));

/** `[\S]+`, 1–2048 characters. */
export const ConfirmationCode = z
  .string()
  .min(1, messageRef('validation.code.required'))
  .max(...atMost(2048, 'code'))
  .regex(/^\S+$/, messageRef('validation.code.noSpaces'));

/** `[\S]+`, at most 256 characters. */
export const Password = z
  .string()
  .min(1, messageRef('validation.password.required'))
  .max(...atMost(256, 'password'))
  .regex(/^\S+$/, messageRef('validation.password.noSpaces'));

/** Opaque continuation tokens handed back by Cognito list calls. */
export const PageToken = z.string().min(1).max(131072);

/** Passed to Lambda triggers; not stored or validated by Cognito. */
export const ClientMetadata = z.record(z.string().min(1).max(131072), z.string().max(131072));

/** Risk-analysis context for advanced security features. */
export const UserContextData = z.strictObject({
  IpAddress: z.string().min(1).max(131072).optional(),
  EncodedData: z.string().min(1).max(131072).optional(),
});

/** Amazon Pinpoint analytics endpoint. */
export const AnalyticsMetadata = z.strictObject({
  AnalyticsEndpointId: z.string().min(1).max(131072).optional(),
});

export const DeliveryMedium = z.enum(['EMAIL', 'SMS']);
export type DeliveryMedium = z.infer<typeof DeliveryMedium>;

export const RecoveryMechanismName = z.enum(['verified_email', 'verified_phone_number', 'admin_only']);
export type RecoveryMechanismName = z.infer<typeof RecoveryMechanismName>;

export const UserStatus = z.enum([
  'UNCONFIRMED',
  'CONFIRMED',
  'ARCHIVED',
  'COMPROMISED',
  'UNKNOWN',
  'RESET_REQUIRED',
  'FORCE_CHANGE_PASSWORD',
  'EXTERNAL_PROVIDER',
]);
export type UserStatus = z.infer<typeof UserStatus>;
