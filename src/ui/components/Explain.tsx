import { CircleHelp } from 'lucide-react';

/** A short "how is this computed" note: shown on hover (title) and opened by click or keyboard. */
export function Explain({ text }: { text: string }) {
  return (
    <details className="explain">
      <summary title={text} aria-label={text}>
        <CircleHelp className="icon" size={16} aria-hidden="true" />
      </summary>
      <p>{text}</p>
    </details>
  );
}
