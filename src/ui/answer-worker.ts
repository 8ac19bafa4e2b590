// Checks the municipality the page opened with against the api contract on a second thread, while
// the main thread is busy loading the app: on a cold start the check (zod building the file's
// schemas and walking ~80 KB) was ~140 ms of the main thread's critical path. Same check, same
// client code as every other answer (src/api/client.ts), only elsewhere.
import { ApiCallError, createApiClient } from '../api/client';
import type { ApiError } from '../api/contract';

export interface AnswerToCheck {
  id: string;
  raw: unknown;
}
export type CheckedAnswer = { ok: true; result: unknown } | { ok: false; error: ApiError };

// The contract's schemas load and build while the answer is still on its way.
void import('../api/contract');

const scope = self as unknown as { onmessage: ((event: MessageEvent<AnswerToCheck>) => void) | null; postMessage: (message: CheckedAnswer) => void };

scope.onmessage = (event) => {
  const { id, raw } = event.data;
  createApiClient(() => Promise.resolve(raw))
    .call('municipality.live', { id })
    .then(
      (result) => scope.postMessage({ ok: true, result }),
      (error: unknown) => scope.postMessage({ ok: false, error: error instanceof ApiCallError ? error.error : { code: 'internal', message: String(error) } }),
    );
};
