import { redactPath } from './correlation.middleware';

describe('request log paths', () => {
  it('redacts the secret token of a calendar feed and leaves other paths alone', () => {
    expect(redactPath('/api/logistics/calendar/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0X2dhcnBseQ.ics')).toBe('/api/logistics/calendar/[redacted].ics');
    expect(redactPath('/api/logistics/calendar/abc.ics?x=1')).toBe('/api/logistics/calendar/[redacted].ics?x=1');
    expect(redactPath('/api/logistics/delegations/1/calendar-feeds')).toBe('/api/logistics/delegations/1/calendar-feeds');
  });
});
