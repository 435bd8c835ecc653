import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { DemoMessage } from '../../shared/contract';
import { maskDestination } from '../../shared/recovery-rules';

// The codes the emulator "delivered", kept in memory and on disk so a restarted shell (the browser
// one restarts often) still shows them. Newest first.

/** Enough for a long demo session; older messages are dropped. */
const MAX_MESSAGES = 500;

// Files written before messages carried a masked destination and a purpose are still read: the
// mask is derived, the purpose unknown.
const SavedMessage = DemoMessage.extend({ maskedDestination: z.string().optional(), purpose: z.string().optional() });
const InboxFile = z.object({ version: z.literal(1), messages: z.array(SavedMessage) });

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
    private readonly file: string,
    messages: DemoMessage[],
  ) {
    this.messages = messages;
  }

  /** Loads the saved inbox; a missing or unreadable file starts an empty one (it only holds demo codes). */
  static async open(file: string): Promise<DemoInbox> {
    let messages: DemoMessage[] = [];
    try {
      const parsed = InboxFile.safeParse(JSON.parse(await readFile(file, 'utf8')));
      if (parsed.success) {
        messages = parsed.data.messages.slice(0, MAX_MESSAGES).map((message) => ({
          ...message,
          maskedDestination: message.maskedDestination ?? maskDestination(message.deliveryMedium, message.destination),
          purpose: message.purpose ?? 'Unknown',
        }));
      }
    } catch {
      // ENOENT on first start, or a damaged file: the next write replaces it.
    }
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
    const snapshot = JSON.stringify({ version: 1, messages: this.messages }, null, 2);
    // Writes are queued so an older snapshot never lands after a newer one; the rename keeps the
    // file whole if the process dies mid-write. A failed write must not fail the Cognito call that
    // "sent" the code (the message is in memory), and nothing may be printed, so it is dropped.
    this.writes = this.writes.then(async () => {
      try {
        await mkdir(dirname(this.file), { recursive: true });
        const temporary = `${this.file}.${process.pid}.tmp`;
        await writeFile(temporary, snapshot, 'utf8');
        await rename(temporary, this.file);
      } catch {
        // See above.
      }
    });
    return this.writes;
  }
}
