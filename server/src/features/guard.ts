// Handler wrappers. A bug in one feature must cost one failed request, never
// the server: errors are logged and turned into an error response.

import { ErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export interface Logger {
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
}

export function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** Wraps a request handler: thrown errors become logged InternalError responses. */
export function guardRequest<P, R>(log: Logger, name: string, fn: Handler<P, R>): (params: P, token: CancellationToken) => Promise<R | ResponseError<never>> {
  return async (params, token) => {
    try {
      return await fn(params, token);
    } catch (e) {
      if (e instanceof ResponseError) return e as ResponseError<never>;
      log.error(`policylint: ${name} failed: ${describeError(e)}`);
      return new ResponseError<never>(ErrorCodes.InternalError, `policylint: ${name} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}

/** Wraps a notification handler: errors are logged, nothing else happens. */
export function guardNotification<P>(log: Logger, name: string, fn: (params: P) => unknown): (params: P) => void {
  return (params) => {
    try {
      Promise.resolve(fn(params)).catch((e: unknown) => log.error(`policylint: ${name} failed: ${describeError(e)}`));
    } catch (e) {
      log.error(`policylint: ${name} failed: ${describeError(e)}`);
    }
  };
}
