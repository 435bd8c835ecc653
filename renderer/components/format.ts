import { useMemo } from 'react';
import { useT, type Translate } from '../i18n/use-t';

// Dates, times and durations in the page's language. Inside a sentence, prefer the message's own
// ICU formats ("Tested at {at, time, medium}." with a Date); these are for values that stand alone.

/** The formatters of the page's language; stable while the language stays. */
export function useFormat() {
  const t = useT();
  return useMemo(() => formatters(t), [t]);
}

/** The formatters for one language (useFormat in components; tests give a language's `t`). */
export function formatters(t: Translate) {
  const asDate = (value: string | Date) => (typeof value === 'string' ? new Date(value) : value);
  return {
    /** "26 Nov 2026, 11:24"; "—" when there is none. */
    dateTime(value: string | Date | undefined): string {
      if (value === undefined) return '—';
      const date = asDate(value);
      return Number.isNaN(date.getTime()) ? String(value) : t.intl.formatDate(date, { dateStyle: 'medium', timeStyle: 'short' });
    },
    /** "11:24:05". */
    time(value: string | Date): string {
      const date = asDate(value);
      return Number.isNaN(date.getTime()) ? String(value) : t.intl.formatTime(date, { timeStyle: 'medium' });
    },
    /**
     * A countdown that reads well aloud: "59 min 05 s", "45 s", and for long ones "5 h 12 min",
     * "6 days 23 h" (an invitation's temporary password lasts days).
     */
    remaining(ms: number): string {
      const total = Math.max(0, Math.ceil(ms / 1000));
      const days = Math.floor(total / 86_400);
      const hours = Math.floor(total / 3600);
      const minutes = Math.floor(total / 60);
      const seconds = total % 60;
      const twoDigits = (n: number) => t.intl.formatNumber(n, { minimumIntegerDigits: 2 });
      if (days >= 2) return t('common.remaining.days', { days, hours: hours % 24 });
      if (hours >= 2) return t('common.remaining.hours', { hours, minutes: twoDigits(minutes % 60) });
      return minutes > 0 ? t('common.remaining.minutes', { minutes, seconds: twoDigits(seconds) }) : t('common.remaining.seconds', { seconds });
    },
    /** A wait as an operator would say it: "a few seconds", "about 5 minutes", "about an hour" (German: the accusative, for "Warten Sie …"). */
    wait(seconds: number): string {
      const s = Math.max(0, Math.ceil(seconds));
      if (s < 10) return t('common.wait.fewSeconds');
      if (s < 60) return t('common.wait.seconds', { seconds: s });
      if (s < 55 * 60) return t('common.wait.minutes', { minutes: Math.max(1, Math.round(s / 60)) });
      if (s < 36 * 3600) return t('common.wait.hours', { hours: Math.max(1, Math.round(s / 3600)) });
      return t('common.wait.days', { days: Math.round(s / 86_400) });
    },
    /** Whether the same request can work later, in words, with the wait when the service knows it. */
    retry(retryable: boolean, retryAfterSeconds: number | undefined): string {
      if (!retryable) return t('errors.retry.no');
      if (retryAfterSeconds !== undefined) return t('errors.retry.later', { wait: this.wait(retryAfterSeconds) });
      return t('errors.retry.yes');
    },
  };
}
