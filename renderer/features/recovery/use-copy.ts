import { useCallback, useEffect, useRef, useState } from 'react';

export type CopyOutcome = { kind: 'copied' | 'failed'; message: string } | undefined;

/**
 * Copies text with navigator.clipboard.writeText and says how it went, in words. The clipboard
 * can refuse (no permission, page not focused, not a secure context): the operator is told so,
 * instead of believing the password was copied.
 */
export function useCopyToClipboard(what: string) {
  const [outcome, setOutcome] = useState<CopyOutcome>();
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const copy = useCallback(
    async (text: string) => {
      setOutcome(undefined);
      try {
        if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        if (mounted.current) setOutcome({ kind: 'copied', message: `${what} copied to the clipboard.` });
      } catch {
        if (mounted.current) {
          setOutcome({
            kind: 'failed',
            message: `Could not copy the ${what.toLowerCase()}: the clipboard refused. Show it and read it out, or select it and copy it by hand.`,
          });
        }
      }
    },
    [what],
  );
  const clear = useCallback(() => setOutcome(undefined), []);
  return { outcome, copy, clear };
}
