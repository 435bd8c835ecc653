import { Button } from 'react-aria-components';
import { useCopyToClipboard } from '../features/recovery/use-copy';

interface CopyButtonProps {
  /** What is copied, exactly. */
  text: string;
  /** What it is, for the button's accessible name and the message: "Username". */
  what: string;
}

/**
 * A small button next to a value the operator often pastes elsewhere (a ticket, a chat). It says
 * whether the clipboard took it; a refusal is said as an alert.
 */
export function CopyButton({ text, what }: CopyButtonProps) {
  const { outcome, copy } = useCopyToClipboard(what);
  const label = outcome?.kind === 'copied' ? 'Copied' : outcome?.kind === 'failed' ? 'Not copied' : 'Copy';
  return (
    <span className="copy-inline">
      <Button className="button button-quiet button-small" aria-label={`Copy ${what.toLowerCase()}`} onPress={() => void copy(text)}>
        {label}
      </Button>
      <span role="status" className="visually-hidden">
        {outcome?.kind === 'copied' ? outcome.message : ''}
      </span>
      {outcome?.kind === 'failed' && (
        <span role="alert" className="copy-message copy-failed">
          {outcome.message}
        </span>
      )}
    </span>
  );
}
