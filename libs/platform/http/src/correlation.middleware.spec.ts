import { redactPath } from './correlation.middleware';

describe('request log paths', () => {
  it('redacts the secret token of a calendar feed and leaves other paths alone', () => {
    expect(redactPath('/api/logistics/calendar/Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0X2dhcnBseQ.ics')).toBe('/api/logistics/calendar/[redacted].ics');
    expect(redactPath('/api/logistics/calendar/abc.ics?x=1')).toBe('/api/logistics/calendar/[redacted].ics?x=[redacted]');
    expect(redactPath('/api/logistics/calendar/Zm9vYmFyYmF6cXV4')).toBe('/api/logistics/calendar/[redacted]');
    expect(redactPath('/api/logistics/delegations/1/calendar-feeds')).toBe('/api/logistics/delegations/1/calendar-feeds');
  });

  it('keeps only the names of query parameters: a bearer secret in a query (an invitation link) never reaches the logs', () => {
    expect(redactPath('/accept-invitation?token=kq3Zx-secret_value')).toBe('/accept-invitation?token=[redacted]');
    expect(redactPath('/api/delegations?status=planning&from=2027-01-01')).toBe('/api/delegations?status=[redacted]&from=[redacted]');
    expect(redactPath('/api/delegations?')).toBe('/api/delegations');
  });
});
