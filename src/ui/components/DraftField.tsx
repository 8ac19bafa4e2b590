import { useCallback, useEffect, useLayoutEffect, useRef, useState, type InputHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useReadOnly } from '../state/read-only';

interface DraftOptions {
  value: string;
  /** Called with the finished text; a required field gets back its old value when left empty. */
  onCommit: (value: string) => void;
  required?: boolean;
  /** Told when a required field was left empty and its old value put back. */
  onEmptyRefused?: () => void;
}

/**
 * Keeps what the person types as a draft and hands it on when they are done (blur, Enter, or a
 * pause in a long text), so a trailing space or an emptied field survives typing instead of being
 * trimmed or refused on every keystroke; a change that arrives from elsewhere is shown at once
 * unless the person has typed something not yet handed on.
 */
function useDraft({ value, onCommit, required = false, onEmptyRefused }: DraftOptions, pauseMs: number | null) {
  const [draft, setDraft] = useState(value);
  // Typed but not yet handed on: a change from elsewhere must not overwrite it.
  const dirty = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const text = useRef(value);
  const props = useRef({ value, onCommit, required, onEmptyRefused });
  useLayoutEffect(() => {
    props.current = { value, onCommit, required, onEmptyRefused };
  });

  useEffect(() => {
    if (dirty.current) return;
    text.current = value;
    setDraft(value);
  }, [value]);

  const commit = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    dirty.current = false;
    const { value: saved, onCommit: send, required: mustHave, onEmptyRefused: refused } = props.current;
    if (mustHave && text.current.trim() === '') {
      text.current = saved;
      setDraft(saved);
      refused?.();
      return;
    }
    if (text.current !== saved) send(text.current);
  }, []);

  // A draft must not be lost when the field disappears (a panel closes, the person navigates away).
  useEffect(
    () => () => {
      if (dirty.current) commit();
    },
    [commit],
  );

  return {
    value: draft,
    onChange: (next: string) => {
      dirty.current = true;
      text.current = next;
      setDraft(next);
      if (pauseMs !== null) {
        if (timer.current) clearTimeout(timer.current);
        timer.current = setTimeout(commit, pauseMs);
      }
    },
    onBlur: () => {
      if (dirty.current) commit();
    },
    commit,
  };
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'onBlur' | 'required'> & DraftOptions;

/** A one-line text field that commits on blur or Enter. */
export function DraftInput({ value, onCommit, required, onEmptyRefused, onKeyDown, ...rest }: InputProps) {
  const draft = useDraft({ value, onCommit, required, onEmptyRefused }, null);
  const readOnly = useReadOnly();
  return (
    <input
      {...rest}
      readOnly={readOnly || rest.readOnly}
      value={draft.value}
      onChange={(e) => draft.onChange(e.target.value)}
      onBlur={draft.onBlur}
      onKeyDown={(e) => {
        if (e.key === 'Enter') draft.commit();
        onKeyDown?.(e);
      }}
    />
  );
}

type TextareaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'onBlur' | 'required'> & DraftOptions;

/** A longer text that commits on blur and after a short pause, so a closed window loses at most the last second. */
export function DraftTextarea({ value, onCommit, required, onEmptyRefused, ...rest }: TextareaProps) {
  const draft = useDraft({ value, onCommit, required, onEmptyRefused }, 800);
  const readOnly = useReadOnly();
  return <textarea {...rest} readOnly={readOnly || rest.readOnly} value={draft.value} onChange={(e) => draft.onChange(e.target.value)} onBlur={draft.onBlur} />;
}
