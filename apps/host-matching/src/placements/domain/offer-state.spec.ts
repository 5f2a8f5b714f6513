import { canConfirm, deadlineFrom, effectiveStatus, refusal, timeLeftMs } from './offer-state';

describe('offer state', () => {
  const now = new Date('2027-04-01T12:00:00Z');
  const open = { status: 'offered' as const, deadlineAt: new Date('2027-04-04T12:00:00Z') };
  const past = { status: 'offered' as const, deadlineAt: new Date('2027-04-01T11:59:59Z') };

  it('an offered row past its deadline reads as expired, exactly at the deadline too', () => {
    expect(effectiveStatus(open, now)).toBe('offered');
    expect(effectiveStatus(past, now)).toBe('expired');
    expect(effectiveStatus({ status: 'offered', deadlineAt: now }, now)).toBe('expired');
    expect(effectiveStatus({ status: 'accepted', deadlineAt: past.deadlineAt }, now)).toBe('accepted');
  });

  it('time left counts down to the deadline and is 0 when not open', () => {
    expect(timeLeftMs(open, now)).toBe(72 * 3600_000);
    expect(timeLeftMs(past, now)).toBe(0);
  });

  it('accept and decline only while open; withdraw only once accepted', () => {
    expect(refusal('accept', open, now)).toBeNull();
    expect(refusal('accept', past, now)?.code).toBe('OFFER.EXPIRED');
    expect(refusal('decline', { ...open, status: 'declined' }, now)?.code).toBe('OFFER.NOT_OPEN');
    expect(refusal('withdraw', open, now)?.code).toBe('OFFER.NOT_ACCEPTED');
    expect(refusal('withdraw', { ...open, status: 'confirmed' }, now)).toBeNull();
  });

  it('the default deadline is 72 hours after the offer', () => {
    expect(deadlineFrom(now, 72).toISOString()).toBe('2027-04-04T12:00:00.000Z');
  });

  it('a minor is confirmed only with consent valid on arrival; an adult always', () => {
    expect(canConfirm({ minor: false, consentOnFile: false, consentExpiresOn: null }, '2027-04-10')).toBe(true);
    expect(canConfirm({ minor: true, consentOnFile: false, consentExpiresOn: null }, '2027-04-10')).toBe(false);
    expect(canConfirm({ minor: true, consentOnFile: true, consentExpiresOn: null }, '2027-04-10')).toBe(true);
    expect(canConfirm({ minor: true, consentOnFile: true, consentExpiresOn: '2027-04-09' }, '2027-04-10')).toBe(false);
  });
});
