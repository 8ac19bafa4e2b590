/** A short "how is this computed" note: shown on hover (title) and opened by click or keyboard. */
export function Explain({ text, label = '?' }: { text: string; label?: string }) {
  return (
    <details className="explain">
      <summary title={text} aria-label={text}>
        {label}
      </summary>
      <p>{text}</p>
    </details>
  );
}
