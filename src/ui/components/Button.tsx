import type { LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes } from 'react';

type Variant = 'default' | 'primary' | 'danger' | 'quiet';

/** A button with an optional icon before its words; the words stay, so the icon is never the only label. */
export function Button({ variant = 'default', icon: Shape, className, children, type = 'button', ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; icon?: LucideIcon }) {
  const classes = [variant === 'default' ? '' : `button-${variant}`, className ?? ''].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes || undefined} {...rest}>
      {Shape && <Shape className="icon" size={16} aria-hidden="true" />}
      {children}
    </button>
  );
}
