import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import { useT } from '../i18n/use-t';

/** What can be copied; each language names it in its own words (common.copy.*). */
export type CopyWhat = 'username' | 'email' | 'sub' | 'code' | 'temporaryPassword' | 'password' | 'command';

export type CopyOutcome = { kind: 'copied' | 'failed'; message: string } | undefined;

/**
 * Copies text with navigator.clipboard.writeText and says how it went, in words. The clipboard
 * can refuse (no permission, page not focused, not a secure context): the operator is told so,
 * instead of believing the password was copied.
 */
export function useCopyToClipboard(what: CopyWhat) {
  const t = useT();
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
        if (mounted.current) setOutcome({ kind: 'copied', message: t('common.copy.done', { what }) });
      } catch {
        if (mounted.current) setOutcome({ kind: 'failed', message: t('common.copy.failed', { what }) });
      }
    },
    [what, t],
  );
  const clear = useCallback(() => setOutcome(undefined), []);
  return { outcome, copy, clear };
}

/**
 * What became of a copy: success announced politely, a refused copy as an alert, so nobody reads out
 * an old clipboard. `inline` keeps it in a line of text (next to a value).
 */
export function CopyMessage({ outcome, inline = false }: { outcome: CopyOutcome; inline?: boolean }) {
  const Tag = inline ? 'span' : 'p';
  return (
    <>
      <Tag role="status" className={inline ? 'visually-hidden' : 'copy-message copy-ok'}>
        {outcome?.kind === 'copied' ? outcome.message : ''}
      </Tag>
      {outcome?.kind === 'failed' && (
        <Tag role="alert" className="copy-message copy-failed">
          {outcome.message}
        </Tag>
      )}
    </>
  );
}

interface CopyButtonProps {
  /** What is copied, exactly. */
  text: string;
  /** What it is, for the button's accessible name and the message. */
  what: CopyWhat;
}

/** A small button next to a value the operator often pastes elsewhere (a ticket, a chat). */
export function CopyButton({ text, what }: CopyButtonProps) {
  const t = useT();
  const { outcome, copy } = useCopyToClipboard(what);
  const label = outcome?.kind === 'copied' ? t('common.copied') : outcome?.kind === 'failed' ? t('common.notCopied') : t('common.copy');
  return (
    <span className="copy-inline">
      <Button className="button button-quiet button-small" aria-label={t('common.copy.label', { what })} onPress={() => void copy(text)}>
        {label}
      </Button>
      <CopyMessage outcome={outcome} inline />
    </span>
  );
}
