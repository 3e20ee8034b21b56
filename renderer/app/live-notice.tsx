import type { ReactNode } from 'react';

/**
 * A status line that screen readers watch from the moment the page draws it: the region is
 * always there and its text comes and goes, since a live region that appears together with its
 * text may not be announced at all.
 */
export function LiveNotice({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div role="status" aria-live="polite">
      {children ? <p className={className}>{children}</p> : null}
    </div>
  );
}
