import { z } from 'zod';
import { messageRef } from './message-ref';
import { atMost, plainText } from './validation';

// The fields that say where a connection goes: shared by the contract (what an operator saves) and the
// organization's policy (the connections it presets), so both refuse a value with the same words.

export const ConnectionId = z
  .string()
  .min(1, messageRef('validation.connection.required'))
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, messageRef('validation.connection.id'));

/**
 * A connection id's readable part, made from its name ("Production (eu-west-1)" → production-eu-west-1):
 * lower-case letters, digits and single dashes, at most 40 characters; empty when the name has none.
 */
export function connectionSlug(name: string): string {
  return name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

export const ConnectionName = plainText('connectionName')
  .trim()
  .min(1, messageRef('validation.connectionName.required'))
  .max(...atMost(80, 'connectionName'));

/**
 * The country whose phone numbers may be typed without + and a country code (ISO 3166 alpha-2,
 * e.g. US, GB). The privileged side also checks that phone numbering knows the country.
 */
export const CountryCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, messageRef('validation.country.format'));

export const Region = z
  .string()
  // abort: an empty value gets the one message that says what to do, not the pattern's too.
  .min(1, { message: messageRef('validation.region.required'), abort: true })
  .regex(/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/, messageRef('validation.region.format'));

/** A custom Cognito endpoint (an emulator elsewhere, LocalStack, moto): http(s) only. */
export const EndpointUrl = z
  .url({ protocol: /^https?$/, message: messageRef('validation.endpoint.format') })
  .max(...atMost(2048, 'endpoint'));

/** Assume a role on top of the connection's own credentials (sts:AssumeRole). */
export const AssumeRole = z.strictObject({
  roleArn: z
    .string()
    .min(1, { message: messageRef('validation.roleArn.required'), abort: true })
    .regex(/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/, messageRef('validation.roleArn.format')),
  externalId: z
    .string()
    .min(2, messageRef('validation.externalId.tooShort'))
    .max(...atMost(1224, 'externalId'))
    .regex(/^[\w+=,.@:/-]+$/, messageRef('validation.externalId.format'))
    .optional(),
  /** The MFA device (ARN or serial) when the role's trust policy requires MFA; the code is asked for when connecting. */
  mfaSerial: z
    .string()
    .min(9, messageRef('validation.mfaDevice.tooShort'))
    .max(...atMost(256, 'mfaDevice'))
    .regex(/^[\w+=/:,.@-]+$/, messageRef('validation.mfaDevice.format'))
    .optional(),
  sessionName: z
    .string()
    .min(2, messageRef('validation.sessionName.tooShort'))
    .max(...atMost(64, 'sessionName'))
    .regex(/^[\w+=,.@-]+$/, messageRef('validation.sessionName.format'))
    .optional(),
});
export type AssumeRole = z.infer<typeof AssumeRole>;

/** A profile of the shared AWS config and credentials files. */
export const ProfileName = z
  .string()
  .min(1, { message: messageRef('validation.profile.required'), abort: true })
  .max(...atMost(128, 'profileName'))
  .regex(/^[\w+=,.@:/-]+$/, messageRef('validation.profile.format'));
