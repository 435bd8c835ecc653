import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { DemoMessage } from '../../shared/contract';
import { maskDestination } from '../../shared/recovery-rules';
import { describeFileProblem, jsonFile, type JsonFile } from '../core/json-file';

// The codes the emulator "delivered", kept in memory and on disk so a restarted shell (the browser
// one restarts often) still shows them. Newest first.

/** Enough for a long demo session; older messages are dropped. */
const MAX_MESSAGES = 500;

// Files written before messages carried a masked destination and a purpose are still read: the
// mask is derived, the purpose unknown.
const SavedMessage = DemoMessage.extend({ maskedDestination: z.string().optional(), purpose: z.string().optional() });
const InboxFile = z.object({ version: z.literal(1), messages: z.array(SavedMessage) });
type InboxFile = z.infer<typeof InboxFile>;

export interface Delivery {
  deliveryMedium: DemoMessage['deliveryMedium'];
  destination: string;
  /** As the sending call's response showed it. */
  maskedDestination: string;
  /** The operation that sent it, e.g. ForgotPassword. */
  purpose: string;
  username: string;
  userPoolId: string;
  clientId?: string;
  code: string;
  /** When the code stops working, where known. */
  expiresAt?: Date;
}

export class DemoInbox {
  private messages: DemoMessage[];
  private writes: Promise<void> = Promise.resolve();

  private constructor(
    private readonly file: JsonFile<InboxFile>,
    messages: DemoMessage[],
  ) {
    this.messages = messages;
  }

  /**
   * Loads the saved inbox. A damaged file is moved aside and an empty inbox started (it only holds
   * demo codes); `report` is told where the file went.
   */
  static async open(path: string, report: (problem: string) => void): Promise<DemoInbox> {
    const file = jsonFile({ path, schema: InboxFile, file: 'demo-inbox' });
    const { value, problem } = await file.read();
    if (problem) report(describeFileProblem(problem));
    const messages = (value?.messages ?? []).slice(0, MAX_MESSAGES).map((message) => ({
      ...message,
      maskedDestination: message.maskedDestination ?? maskDestination(message.deliveryMedium, message.destination),
      purpose: message.purpose ?? 'Unknown',
    }));
    return new DemoInbox(file, messages);
  }

  list(): DemoMessage[] {
    return this.messages.map((message) => ({ ...message }));
  }

  /** `sentAt` comes from the emulator's clock, so it agrees with `expiresAt` when a test moves time. */
  async record(delivery: Delivery, sentAt: Date = new Date()): Promise<DemoMessage> {
    const { expiresAt, ...rest } = delivery;
    const message: DemoMessage = {
      id: randomUUID(),
      ...rest,
      sentAt: sentAt.toISOString(),
      ...(expiresAt === undefined ? {} : { expiresAt: expiresAt.toISOString() }),
    };
    this.messages = [message, ...this.messages].slice(0, MAX_MESSAGES);
    await this.persist();
    return message;
  }

  /** Resolves to the number of messages removed. */
  async clear(): Promise<number> {
    const removed = this.messages.length;
    this.messages = [];
    await this.persist();
    return removed;
  }

  /** Resolves once every write queued so far is on disk. */
  flush(): Promise<void> {
    return this.writes;
  }

  private persist(): Promise<void> {
    // jsonFile writes in call order, so the last write settling means every earlier one has. A failed
    // write must not fail the Cognito call that "sent" the code (the message is in memory), and
    // nothing may be printed, so it is dropped.
    this.writes = this.file.write({ version: 1, messages: this.messages }).catch(() => undefined);
    return this.writes;
  }
}
