import { useEffect } from 'react';

/**
 * While a reset is under way (a code sent or typed, a ticket noted), a reload, Back or closing the
 * page asks first: the caller is still on the line and the work would be lost. The browser asks in
 * its own words; the desktop app shows its own question (electron/main/window.ts).
 */
export function useJourneyGuard(active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older engines ask only when returnValue is set.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [active]);
}
