/** dayNumber's typed-array cache gives date-fns' day count for every date, and NaN for an impossible one. */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../src/encode/columns.js';

describe('dayNumber', () => {
  it('equals date-fns over 1900–2200 (twice: computed, then cached), NaN for 30 February', () => {
    const epoch = parseISO('1970-01-01');
    let wrong = 0;
    for (let pass = 0; pass < 2; pass++) {
      for (let y = 1900; y <= 2200; y += 11) for (let m = 1; m <= 12; m++) for (let d = 1; d <= 31; d++) {
        const s = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const want = differenceInCalendarDays(parseISO(s), epoch);
        const got = dayNumber(s);
        if (!(got === want || (Number.isNaN(got) && Number.isNaN(want)))) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(dayNumber('2026-02-30')).toBeNaN();
    expect(dayNumber('2024-02-29')).toBe(19782);
  });
});
