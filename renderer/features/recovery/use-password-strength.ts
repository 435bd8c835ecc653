import { useEffect, useState } from 'react';
import { estimateStrength, type StrengthEstimate } from './password-strength';

export type StrengthState =
  | { status: 'empty' }
  | { status: 'checking'; estimate?: StrengthEstimate }
  | { status: 'ready'; estimate: StrengthEstimate }
  | { status: 'unavailable' };

// Long enough to skip most keystrokes of a fast typist, short enough to feel live.
const DEBOUNCE_MS = 120;

/**
 * zxcvbn's estimate for the password as typed, loaded lazily on first use. The password lives
 * only in component state here: never in a query cache, a log or storage.
 */
export function usePasswordStrength(password: string, username: string): StrengthState {
  const [result, setResult] = useState<{ password: string; estimate: StrengthEstimate }>();
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (!password) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      estimateStrength(password, [username]).then(
        (estimate) => {
          if (!cancelled) {
            setResult({ password, estimate });
            setFailed(false);
          }
        },
        () => {
          if (!cancelled) setFailed(true);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
  }, [password, username]);

  if (!password) return { status: 'empty' };
  if (result?.password === password) return { status: 'ready', estimate: result.estimate };
  if (failed) return { status: 'unavailable' };
  // While the new estimate is worked out, the previous one stays on screen (marked as checking).
  return result ? { status: 'checking', estimate: result.estimate } : { status: 'checking' };
}
