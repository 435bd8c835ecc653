// pino-roll ships no types: only what Recovery Desk uses. Its stream is a sonic-boom 4 stream.
declare module 'pino-roll' {
  interface PinoRollOptions {
    file: string;
    size?: string | number;
    frequency?: 'daily' | 'hourly' | number;
    extension?: string;
    limit?: { count: number; removeOtherLogFiles?: boolean };
    mkdir?: boolean;
    /** Passed to sonic-boom: the log files' permissions. */
    mode?: number;
    /** Passed to sonic-boom: bytes to gather before a write (0, the default, makes flush() return before the write in flight ends). */
    minLength?: number;
  }

  interface RollingStream {
    write(data: string): boolean;
    flush(callback?: (error?: Error) => unknown): void;
    end(): void;
    on(event: 'error', listener: (error: Error) => void): this;
    once(event: 'close', listener: () => void): this;
  }

  export default function pinoRoll(options: PinoRollOptions): Promise<RollingStream>;
}
