import type * as ContractModule from './contract';
import type { ApiError, Input, Output } from './contract';
import type { Method } from './methods';

/** A failed call, with the backend's code and message (already worded for the user). */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';
  constructor(readonly error: ApiError) {
    super(error.message);
  }
  get code() {
    return this.error.code;
  }
}

export interface ApiClient {
  call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>>;
}

/** Sends a method and its input and resolves to the raw response (IPC, HTTP, or in memory). */
export type Transport = (method: Method, input: unknown) => Promise<unknown>;

let contractModule: Promise<typeof ContractModule> | undefined;
/** The contract's schemas are built on the first call, while its request is on the way, not at start-up. */
const loadContract = () => (contractModule ??= import('./contract'));

/** The UI's only way to the backend; checks every response against the contract. */
export function createApiClient(transport: Transport): ApiClient {
  return {
    async call(method, input) {
      const checks = loadContract();
      const raw = await transport(method, input);
      const { apiResponseSchema, contract } = await checks;
      const response = apiResponseSchema.safeParse(raw);
      if (!response.success) throw new ApiCallError({ code: 'internal', message: `the backend sent an unreadable answer to ${method}` });
      if (!response.data.ok) throw new ApiCallError(response.data.error);
      const output = contract[method].output.safeParse(response.data.result);
      if (!output.success) throw new ApiCallError({ code: 'internal', message: `the backend's answer to ${method} does not match the contract` });
      return output.data as Output<typeof method>;
    },
  };
}
