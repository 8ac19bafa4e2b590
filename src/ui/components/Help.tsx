import { CircleHelp } from 'lucide-react';
import type { ReactNode } from 'react';

/** Help beside the thing it explains, closed until asked for; a native disclosure, so keyboard and screen readers know it. */
export function Help({ title, children }: { title: string; children: ReactNode }) {
  return (
    <details className="help">
      <summary>
        <CircleHelp className="icon" size={16} aria-hidden="true" />
        {title}
      </summary>
      <div className="help-body">{children}</div>
    </details>
  );
}
