import type { LucideIcon } from 'lucide-react';
import type { ReactNode } from 'react';

/**
 * The top of every screen: an h1 (with the screen's icon), an optional line under it and the
 * screen's main actions on the right. Long names wrap instead of widening the page.
 */
export function PageHeader({ title, icon: Shape, subtitle, actions, titleId, children }: { title: ReactNode; icon?: LucideIcon; subtitle?: ReactNode; actions?: ReactNode; titleId?: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <div className="page-header-text">
        <h1 id={titleId}>
          {Shape && <Shape className="icon" size={26} aria-hidden="true" />}
          <span>{title}</span>
        </h1>
        {subtitle && <p className="page-header-subtitle">{subtitle}</p>}
        {children}
      </div>
      {actions && <div className="page-header-actions">{actions}</div>}
    </header>
  );
}
