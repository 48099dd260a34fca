import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatTime } from '../../src/format/french.js';
import { minutesOf } from '../../src/jobdating/event.js';

describe('formatTime (convocation times)', () => {
  it('writes every minute of the day as "H h MM", and reads back', () => {
    expect([formatTime(545), formatTime(840), formatTime(0)]).toEqual(['9 h 05', '14 h 00', '0 h 00']);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1439 }), (m) => {
        const [h, mm] = formatTime(m).split(' h ');
        expect(minutesOf(`${h.padStart(2, '0')}:${mm}`)).toBe(m);
      }),
    );
  });
});
