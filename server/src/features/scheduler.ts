// Debouncing and cancellation helpers. The engine is synchronous, so "cancel
// stale work" means: never start work for a version that is already
// superseded, and yield to the event loop before starting so that queued
// didChange and $/cancelRequest messages are seen first.

import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver/node';

export class Debouncer {
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly onError: (e: unknown) => void) {}

  /** Runs `fn` after `delay` ms unless scheduled again (or cancelled) for the same key first. */
  schedule(key: string, delay: number, fn: () => unknown): void {
    this.cancel(key);
    const timer = setTimeout(() => {
      this.timers.delete(key);
      try {
        Promise.resolve(fn()).catch(this.onError);
      } catch (e) {
        this.onError(e);
      }
    }, delay);
    this.timers.set(key, timer);
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  pending(key: string): boolean {
    return this.timers.has(key);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }
}

/** Lets queued messages (edits, cancellations) be processed before expensive work starts. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function throwIfCancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'request cancelled');
}

/**
 * How long to wait after a keystroke before linting. Proportional to what the
 * last analysis of the document cost: a small document is linted on every
 * keystroke (a 20 ms pause is below what a typist notices), a large one waits
 * until typing pauses, so analyses don't queue up behind each other.
 */
export function debounceDelay(lastAnalysisMs: number | undefined): number {
  return Math.min(250, Math.max(20, Math.round((lastAnalysisMs ?? 10) * 3)));
}
