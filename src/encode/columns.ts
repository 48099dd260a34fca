import { differenceInCalendarDays, parseISO } from 'date-fns';
/**
 * Growable typed-array columns. Backed by SharedArrayBuffer so worker threads read the same
 * memory without a copy.
 */
type TypedCtor = Float64ArrayConstructor | Int32ArrayConstructor | Uint32ArrayConstructor | Uint16ArrayConstructor | Uint8ArrayConstructor;
type Typed = Float64Array | Int32Array | Uint32Array | Uint16Array | Uint8Array;

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
const UNSET = -0x80000000;
/** Day numbers of 1900-01-01 … 2200-12-31 by (year − 1900) · 512 + month · 32 + day; UNSET until computed. */
const packedDays = new Int32Array(301 * 512).fill(UNSET);

/** The packed key of a `YYYY-MM-DD` string within 1900–2200, or -1 (the Map cache then answers). */
function packedDay(s: string): number {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return -1;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = s.charCodeAt(i) - 48;
    if ((c >>> 0) > 9) return -1;
    y = y * 10 + c;
  }
  const m0 = s.charCodeAt(5) - 48, m1 = s.charCodeAt(6) - 48, d0 = s.charCodeAt(8) - 48, d1 = s.charCodeAt(9) - 48;
  if ((m0 >>> 0) > 9 || (m1 >>> 0) > 9 || (d0 >>> 0) > 9 || (d1 >>> 0) > 9 || y < 1900 || y > 2200) return -1;
  const m = m0 * 10 + m1, d = d0 * 10 + d1;
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  return (y - 1900) * 512 + m * 32 + d;
}

/**
 * Day number (calendar days since 1970-01-01) of a validated `YYYY-MM-DD`: dates become integers
 * once, at encoding, so the kernel compares them by subtraction. Cached: dates repeat a lot.
 */
export function dayNumber(iso: string): number {
  // A validated date is read as y/m/d digits into a typed-array cache: no string hashing per record.
  const key = packedDay(iso);
  if (key >= 0) {
    let n = packedDays[key];
    if (n === UNSET) {
      n = differenceInCalendarDays(parseISO(iso), EPOCH);
      // Not a calendar day (2026-02-30): NaN, and nothing cached.
      if (Number.isNaN(n)) return n;
      packedDays[key] = n;
    }
    return n;
  }
  // Outside the schema's 1900–2200 range: computed each time (validated records never get here).
  return differenceInCalendarDays(parseISO(iso), EPOCH);
}

/** Amortised growth for variable-length pools (experience, wishes). */
export function growPool<T extends Typed>(arr: T, needed: number): T {
  return arr.length >= needed ? arr : grow(arr, Math.max(needed, Math.ceil(arr.length * 1.5) + 64));
}
