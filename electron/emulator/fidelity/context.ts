import type { EmulatorClock } from '../clock';
import type { DeliveryMedium } from '../../../shared/recovery-rules';
import type { PasswordHistory } from './password-rules';
import type { RecoveryCodes } from './recovery-codes';
import type { CognitoStore } from './store';
import type { TemporaryPasswords } from './temporary-passwords';

/** A code the layer "sent": what the demo inbox shows. */
export interface CodeMessage {
  /** The operation that sent it, e.g. ForgotPassword. */
  purpose: string;
  deliveryMedium: DeliveryMedium;
  destination: string;
  maskedDestination: string;
  username: string;
  userPoolId: string;
  /** Absent for admin operations, which no app client makes. */
  clientId?: string;
  code: string;
  sentAt: Date;
  expiresAt: Date;
}

/** What the recovery operations share: cognito-local's data, the clock, and the layer's own state. */
export interface FidelityContext {
  store: CognitoStore;
  clock: EmulatorClock;
  codes: RecoveryCodes;
  history: PasswordHistory;
  temporaryPasswords: TemporaryPasswords;
  deliver(message: CodeMessage): Promise<void>;
}
