import type { Problem } from '../core/schema/common';

export type BackendErrorCode = 'not_found' | 'conflict' | 'invalid_file' | 'newer_version' | 'invalid_input' | 'storage' | 'unavailable';

/** An expected failure with a message a user can act on; crosses the api as { code, message }. */
export class BackendError extends Error {
  override readonly name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
