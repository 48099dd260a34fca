import { differenceInCalendarDays, parseISO } from 'date-fns';
/**
 * Growable typed-array columns. Backed by SharedArrayBuffer so worker threads read the same
 * memory without a copy.
 */
type TypedCtor = Float64ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor;
type Typed = Float64Array | Int32Array | Uint32Array | Uint8Array;

export function allocShared<T extends Typed>(ctor: TypedCtor, length: number): T {
  const buf = new SharedArrayBuffer(Math.max(1, length) * ctor.BYTES_PER_ELEMENT);
  return new (ctor as Float64ArrayConstructor)(buf) as unknown as T;
}

/** `arr` if long enough, else a copy of it of exactly `length` elements. */
export function grow<T extends Typed>(arr: T, length: number): T {
  if (arr.length >= length) return arr;
  const ctor = arr.constructor as TypedCtor;
  const next = allocShared<T>(ctor, length);
  next.set(arr as never);
  return next;
}

const EPOCH = parseISO('1970-01-01');
const dayCache = new Map<string, number>();

/**
 * Day number (calendar days since 1970-01-01) of a validated `YYYY-MM-DD`: dates become integers
 * once, at encoding, so the kernel compares them by subtraction. Cached: dates repeat a lot.
 */
export function dayNumber(iso: string): number {
  let d = dayCache.get(iso);
  if (d === undefined) {
    d = differenceInCalendarDays(parseISO(iso), EPOCH);
    if (dayCache.size > 100_000) dayCache.clear();
    dayCache.set(iso, d);
  }
  return d;
}

/** Amortised growth for variable-length pools (experience, wishes). */
export function growPool<T extends Typed>(arr: T, needed: number): T {
  return arr.length >= needed ? arr : grow(arr, Math.max(needed, Math.ceil(arr.length * 1.5) + 64));
}
