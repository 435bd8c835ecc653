import { z } from 'zod';

// Field constraints from the Cognito API model (the HTTP API reference). SDK v3 checks none of
// them, so we do, before anything is sent.

/** `[\w-]+_[0-9a-zA-Z]+`, 1–55 characters. */
export const UserPoolId = z
  .string()
  .min(1, 'A user pool id is required.')
  .max(55, 'A user pool id has at most 55 characters.')
  .regex(/^[\w-]+_[0-9a-zA-Z]+$/, 'A user pool id looks like us-east-1_AbC123xyz.');

/** `[\w+]+`, 1–128 characters. */
export const ClientId = z
  .string()
  .min(1, 'An app client id is required.')
  .max(128, 'An app client id has at most 128 characters.')
  .regex(/^[\w+]+$/, 'An app client id contains only letters, digits, _ and +.');

/** `[\p{L}\p{M}\p{S}\p{N}\p{P}]+`, 1–128 characters: any letter, mark, symbol, number or punctuation; no spaces. */
export const Username = z
  .string()
  .min(1, 'A username is required.')
  .max(128, 'A username has at most 128 characters.')
  .regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u, 'A username cannot contain spaces or control characters.');

/** `[\S]+`, 1–2048 characters. */
export const ConfirmationCode = z
  .string()
  .min(1, 'The confirmation code is required.')
  .max(2048, 'A confirmation code has at most 2048 characters.')
  .regex(/^\S+$/, 'A confirmation code cannot contain spaces.');

/** `[\S]+`, at most 256 characters. */
export const Password = z
  .string()
  .min(1, 'A new password is required.')
  .max(256, 'A password has at most 256 characters.')
  .regex(/^\S+$/, 'A password cannot contain spaces.');

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
