import { formatPath, issueMessage } from '../core/schema/common';
import { API_ERROR_CODES, contract, type ApiError, type ApiResponse, type Output, type ParsedInput } from './contract';
import { isMethod, type Method } from './methods';

export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Promise<Output<M>> | Output<M> };

/** Errors thrown by handlers that carry an api error code are expected failures, shown as they are. */
function expectedFailure(error: unknown): ApiError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, message, problems } = error as { code?: unknown; message?: unknown; problems?: unknown };
  if (typeof code !== 'string' || !(API_ERROR_CODES as readonly string[]).includes(code) || typeof message !== 'string') return null;
  const issues = Array.isArray(problems) && problems.length > 0 ? { issues: problems as ApiError['issues'] } : {};
  return { code: code as ApiError['code'], message, ...issues };
}

/**
 * The single entry point of every transport: rejects unknown methods, parses the input,
 * calls the handler, checks the output, and returns errors as data — never a thrown object.
 */
export async function dispatch(handlers: Handlers, method: unknown, raw: unknown, log: (error: unknown) => void = console.error): Promise<ApiResponse> {
  if (!isMethod(method)) {
    return { ok: false, error: { code: 'unknown_method', message: `unknown api method ${JSON.stringify(method)}` } };
  }
  const spec = contract[method];
  const input = spec.input.safeParse(raw ?? {});
  if (!input.success) {
    const issues = input.error.issues.map((i) => ({ field: formatPath(i.path), message: issueMessage(i) }));
    const first = issues[0];
    return {
      ok: false,
      error: { code: 'invalid_input', message: `invalid input for ${method}: ${first ? `${first.field}: ${first.message}` : 'rejected'}`, issues },
    };
  }
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    const result: unknown = await handler(input.data);
    const output = spec.output.safeParse(result);
    if (!output.success) {
      log(output.error);
      return { ok: false, error: { code: 'internal', message: `${method} produced a result that breaks the api contract; this is a bug in Milepæl` } };
    }
    return { ok: true, result: output.data };
  } catch (error) {
    const expected = expectedFailure(error);
    if (expected) return { ok: false, error: expected };
    log(error);
    return { ok: false, error: { code: 'internal', message: `${method} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` } };
  }
}
