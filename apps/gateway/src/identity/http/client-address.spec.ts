import { clientAddress } from './client-address';

describe('clientAddress', () => {
  const req = (xff?: string, peer = '::ffff:10.0.0.5') => ({ headers: xff ? { 'x-forwarded-for': xff } : {}, socket: { remoteAddress: peer } });

  it('is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress(req('203.0.113.9'), 0)).toBe('10.0.0.5');
  });

  it('is the entry the trusted proxy appended', () => {
    expect(clientAddress(req('198.51.100.1, 203.0.113.9'), 1)).toBe('203.0.113.9');
  });

  it('skips as many entries as there are trusted proxies', () => {
    expect(clientAddress(req('198.51.100.1, 203.0.113.9, 10.0.0.2'), 2)).toBe('203.0.113.9');
  });

  it('falls back to the leftmost entry when the chain is shorter', () => {
    expect(clientAddress(req(undefined), 3)).toBe('10.0.0.5');
  });
});
