import { useEffect, useRef } from 'react';
import { Button, type ButtonProps } from 'react-aria-components';

/**
 * A react-aria Button that also says aria-busy="true" while pending. react-aria's isPending keeps
 * focus on the button and makes it aria-disabled (so it cannot be pressed again), but passes no
 * aria-busy through: it is set here on the element itself.
 */
export function BusyButton(props: ButtonProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const busy = Boolean(props.isPending);
  useEffect(() => {
    const button = ref.current;
    if (!button) return;
    if (busy) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  }, [busy]);
  return <Button {...props} ref={ref} />;
}
