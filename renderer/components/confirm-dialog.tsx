import type { ReactNode } from 'react';
import { Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmDialogProps {
  /** The button that opens it (a react-aria Button), or nothing when opened from code. */
  trigger?: ReactNode;
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** While the request runs, Escape, a click outside and Cancel do nothing: the outcome must be seen. */
  isPending: boolean;
  title: string;
  tone?: 'normal' | 'last-resort';
  children: ReactNode;
}

/**
 * The one modal confirmation for actions that send a message or change a user: focus stays inside,
 * Escape cancels, and the trigger gets focus back on close.
 */
export function ConfirmDialog({ trigger, isOpen, onOpenChange, isPending, title, tone = 'normal', children }: ConfirmDialogProps) {
  const dialog = (
    <ModalOverlay
      className="action-overlay"
      isKeyboardDismissDisabled={isPending}
      {...(trigger ? {} : { isOpen, onOpenChange: (open: boolean) => (open || !isPending ? onOpenChange(open) : undefined) })}
    >
      <Modal className={`action-modal${tone === 'last-resort' ? ' action-modal-last-resort' : ''}`}>
        <Dialog className="action-dialog">
          <Heading slot="title" className="action-dialog-title">
            {title}
          </Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
  if (!trigger) return dialog;
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={(open) => (open || !isPending ? onOpenChange(open) : undefined)}>
      {trigger}
      {dialog}
    </DialogTrigger>
  );
}

export function ConfirmDialogActions({ children }: { children: ReactNode }) {
  return <div className="action-dialog-actions">{children}</div>;
}
