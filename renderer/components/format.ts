const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const time = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

export function formatDateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

export function formatTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return Number.isNaN(date.getTime()) ? String(iso) : time.format(date);
}

/**
 * A countdown that reads well aloud: "59 min 05 s", "45 s", and for long ones "5 h 12 min",
 * "6 days 23 h" (an invitation's temporary password lasts days).
 */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  if (days >= 2) return `${days} days ${hours % 24} h`;
  if (hours >= 2) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min`;
  return minutes > 0 ? `${minutes} min ${String(seconds).padStart(2, '0')} s` : `${seconds} s`;
}

/** A wait as an operator would say it: "a few seconds", "about 5 minutes", "about an hour". */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 10) return 'a few seconds';
  if (s < 60) return `about ${s} seconds`;
  if (s < 90) return 'about a minute';
  if (s < 55 * 60) return `about ${Math.round(s / 60)} minutes`;
  if (s < 90 * 60) return 'about an hour';
  if (s < 36 * 3600) return `about ${Math.round(s / 3600)} hours`;
  return `about ${Math.round(s / 86_400)} days`;
}

/** Whether the same request can work later, in words, with the wait when the service knows it. */
export function retryWords(retryable: boolean, retryAfterSeconds: number | undefined): string {
  if (!retryable) return 'No: the same request will fail again until something changes. Follow the next step instead.';
  if (retryAfterSeconds !== undefined) return `Yes, later. Try again in ${formatWait(retryAfterSeconds)}.`;
  return 'Yes: trying again can work.';
}
