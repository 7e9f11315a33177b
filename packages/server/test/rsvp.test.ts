import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zonedMidnight } from '../src/services/rsvps.js';

describe('an all-day event starts at midnight where it happens', () => {
  it('in zones east and west of UTC, in summer and winter time', () => {
    assert.equal(zonedMidnight('2030-07-04', 'America/New_York').toISOString(), '2030-07-04T04:00:00.000Z');
    assert.equal(zonedMidnight('2030-01-04', 'America/New_York').toISOString(), '2030-01-04T05:00:00.000Z');
    assert.equal(zonedMidnight('2030-05-01', 'Asia/Tokyo').toISOString(), '2030-04-30T15:00:00.000Z');
    assert.equal(zonedMidnight('2030-05-01', 'UTC').toISOString(), '2030-05-01T00:00:00.000Z');
    assert.equal(zonedMidnight('2030-05-01', 'Asia/Kolkata').toISOString(), '2030-04-30T18:30:00.000Z');
  });

  it('on the day clocks change', () => {
    // Berlin moves to summer time at 02:00 on 31 March 2030: midnight is still winter time.
    assert.equal(zonedMidnight('2030-03-31', 'Europe/Berlin').toISOString(), '2030-03-30T23:00:00.000Z');
    // Santiago's clocks go from 24:00 to 01:00 in September: the day starts at 01:00 local.
    assert.equal(zonedMidnight('2030-09-08', 'America/Santiago').toISOString(), '2030-09-08T04:00:00.000Z');
  });
});
