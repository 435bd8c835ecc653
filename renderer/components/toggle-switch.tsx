import type { ReactNode } from 'react';
import { Switch, type SwitchProps } from 'react-aria-components';

/** react-aria's Switch drawn as the console's on/off switch (the stylesheet's .switch, its track and thumb). */
export function ToggleSwitch({ className, children, ...props }: Omit<SwitchProps, 'children'> & { className?: string; children: ReactNode }) {
  return (
    <Switch {...props} className={className ? `switch ${className}` : 'switch'}>
      <span className="switch-track" aria-hidden="true">
        <span className="switch-thumb" />
      </span>
      {children}
    </Switch>
  );
}
