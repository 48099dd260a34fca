/**
 * Control of a long batch: work cut into steps sized by the time they take (not by a count: a
 * vacancy in a dense city costs far more than one in the countryside), the event loop given back
 * between slices so that an abort or a timer sent meanwhile is seen, and progress reported on a
 * clock.
 */
import type { Work } from '../work.js';

/** Work between two returns to the event loop: under the 20 ms a caller's abort may wait. */
const SLICE_MS = 10;
/** Work between two progress reports: under the 100 ms a progress bar may wait. */
const REPORT_MS = 50;
/** A step aims at about a millisecond, so that reading the clock between steps costs nothing. */
const STEP_MS = 1;

export type BatchPhase = 'index' | 'shortlists' | 'unmatched';

export interface BatchProgress {
  done: number;
  total: number;
  phase: BatchPhase;
}

/**
 * The rejection of an aborted call, as `fetch` and `timers/promises` give it: the signal's reason
 * itself when it already is an `AbortError` DOMException (what `abort()` without argument sets),
 * else a DOMException named `AbortError` whose `cause` is the reason.
 */
export function abortError(signal: AbortSignal): DOMException {
  const reason: unknown = signal.reason;
  if (reason instanceof DOMException && reason.name === 'AbortError') return reason;
  return new DOMException('matchAll interrompu', { name: 'AbortError', cause: reason });
}

/** Steps over a range, each sized from the time the previous one took. */
class Steps {
  private size = 1;
  /** The clock when the last step ended. */
  now = 0;

  /** Runs the step from `from` (up to `total`); returns where the next one starts. */
  next(from: number, total: number, step: (from: number, to: number) => void): number {
    const to = Math.min(total, from + this.size);
    const t = performance.now();
    step(from, to);
    this.now = performance.now();
    const spent = this.now - t;
    // Doubled while short; cut to the size that would have taken STEP_MS when long (a batch in
    // space order meets a city's vacancies, each costing many rural ones, at once).
    if (spent < STEP_MS / 2) this.size *= 2;
    else if (spent > STEP_MS * 2) this.size = Math.max(1, Math.floor((this.size * STEP_MS) / spent));
    return to;
  }
}

/**
 * Runs `step(from, to)` over [0, total) in time-sized steps without returning to the event loop
 * (a worker's loop: it is stopped by termination), calling `report(done)` every REPORT_MS.
 */
export function runTimed(total: number, step: (from: number, to: number) => void, report: (done: number) => void): void {
  const steps = new Steps();
  let lastReport = performance.now();
  for (let from = 0; from < total;) {
    from = steps.next(from, total, step);
    if (steps.now - lastReport >= REPORT_MS) {
      report(from);
      lastReport = steps.now;
    }
  }
}

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * One batch's pacing on the calling thread: every `run` gives the event loop back every SLICE_MS
 * of work (then rejects if the signal fired), and reports progress at its start, every REPORT_MS
 * and at its end.
 */
export class Pacer {
  private lastYield = performance.now();
  private lastReport = -Infinity;
  /** The last progress reported, repeated while work between phases goes on. */
  private last: BatchProgress | null = null;

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((progress: BatchProgress) => void) | undefined,
  ) {}

  /** @throws the abort rejection when the signal fired. */
  throwIfAborted(): void {
    if (this.signal?.aborted) throw abortError(this.signal);
  }

  report(phase: BatchPhase, done: number, total: number): void {
    this.lastReport = performance.now();
    this.last = { done, total, phase };
    this.onProgress?.({ done, total, phase });
  }

  /** Work outside a phase's steps: the last progress again, if REPORT_MS went by without one. */
  private keepAlive(now: number): void {
    if (this.last !== null && now - this.lastReport >= REPORT_MS) this.report(this.last.phase, this.last.done, this.last.total);
  }

  /**
   * Steps over [0, total); progress reads `offset + done` of `phaseTotal` in `phase` (when
   * `phase` is null, work between two phases: the last progress is repeated).
   */
  async run(
    total: number,
    step: (from: number, to: number) => void,
    phase: BatchPhase | null = null,
    offset = 0,
    phaseTotal = total,
  ): Promise<void> {
    if (phase !== null) this.report(phase, offset, phaseTotal);
    const steps = new Steps();
    for (let from = 0; from < total;) {
      from = steps.next(from, total, step);
      if (phase === null) this.keepAlive(steps.now);
      else if (steps.now - this.lastReport >= REPORT_MS) this.report(phase, offset + from, phaseTotal);
      if (steps.now - this.lastYield >= SLICE_MS) await this.pause();
    }
    if (phase !== null) this.report(phase, offset + total, phaseTotal);
  }

  /** Runs `work` to its end, giving the event loop back between its chunks every SLICE_MS (the last progress repeated meanwhile). */
  async drive<T>(work: Work<T>): Promise<T> {
    for (;;) {
      const step = work.next();
      if (step.done === true) return step.value;
      await this.checkpoint();
    }
  }

  /** Between two pieces of work that cannot be cut: gives the event loop back if SLICE_MS of work went by. */
  async checkpoint(): Promise<void> {
    const now = performance.now();
    this.keepAlive(now);
    if (now - this.lastYield >= SLICE_MS) await this.pause();
  }

  /**
   * While other threads work and this one waits: `done()` reported every REPORT_MS, so that a
   * progress bar sees the batch alive while workers start. Returns the function that stops it.
   */
  heartbeat(phase: BatchPhase, done: () => number, total: number): () => void {
    const timer = setInterval(() => this.report(phase, done(), total), REPORT_MS);
    return () => clearInterval(timer);
  }

  /** Gives the event loop back (timers and I/O callbacks run), then checks the signal. */
  async pause(): Promise<void> {
    await yieldToEvents();
    this.lastYield = performance.now();
    this.throwIfAborted();
  }

  /** Marks the work done so far as given back (after an await that let the event loop run). */
  resumed(): void {
    this.lastYield = performance.now();
  }
}
