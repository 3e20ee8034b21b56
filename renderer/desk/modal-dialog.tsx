import {
  type KeyboardEvent,
  type ReactNode,
  type SyntheticEvent,
  useEffect,
  useId,
  useRef,
} from 'react';

const focusable = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

export interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  className?: string;
}

/**
 * A modal dialog on the browser's own `<dialog>`: the page behind is inert while it is open, Tab
 * and Shift+Tab cycle through its controls only, Escape closes it, it is labelled by its title,
 * focus starts on the control marked `data-autofocus` (else the first one) and goes back to
 * whatever opened it when it closes. The dialog is open while it is rendered.
 */
export function ModalDialog({ title, onClose, children, className }: ModalDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!element.open) element.showModal();
    firstControl(element)?.focus();
    return () => {
      if (element.open) element.close();
      opener?.focus();
    };
  }, []);

  const cancel = (event: SyntheticEvent) => {
    event.preventDefault();
    close.current();
  };
  return (
    <dialog
      ref={dialog}
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onCancel={cancel}
      onClose={() => {
        // The browser closed it (a second Escape); a close of our own has already reopened.
        if (!dialog.current?.open) close.current();
      }}
      onKeyDown={(event) => keepFocusInside(event, dialog.current)}
    >
      <h2 id={titleId}>{title}</h2>
      {children}
    </dialog>
  );
}

function firstControl(dialog: HTMLElement): HTMLElement | null {
  return (
    dialog.querySelector<HTMLElement>('[data-autofocus]') ??
    dialog.querySelector<HTMLElement>(focusable)
  );
}

function keepFocusInside(event: KeyboardEvent, dialog: HTMLElement | null): void {
  if (event.key !== 'Tab' || !dialog) return;
  const controls = [...dialog.querySelectorAll<HTMLElement>(focusable)].filter(
    (control) => control.offsetParent !== null,
  );
  const first = controls[0];
  const last = controls[controls.length - 1];
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
