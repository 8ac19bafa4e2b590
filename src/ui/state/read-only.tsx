import { createContext, useContext, type ReactNode } from 'react';

/**
 * True on the team server's page for members who may only look. One flag for the whole page:
 * the few components that change data read it, so editing controls are not offered at all
 * instead of failing with "read-only" after a click.
 */
const ReadOnlyContext = createContext(false);

export const ReadOnlyProvider = ReadOnlyContext.Provider;

export function useReadOnly(): boolean {
  return useContext(ReadOnlyContext);
}

/** Shows its children only where changes can be made. */
export function Editing({ children }: { children: ReactNode }) {
  return useReadOnly() ? null : <>{children}</>;
}
