import { inviteeRecipientId, jobEventId, uuidV5 } from './invitee-id';

describe('synthetic recipient ids', () => {
  it('is the RFC 9562 version-5 UUID (known vector: python.org in the DNS namespace)', () => {
    expect(uuidV5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
  });

  it('gives one id per email whatever its case or surrounding spaces, and different emails different ids', () => {
    const id = inviteeRecipientId('Lucia.Garcia@example.org');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(inviteeRecipientId(' lucia.garcia@EXAMPLE.org ')).toBe(id);
    expect(inviteeRecipientId('lucia@example.org')).not.toBe(id);
  });

  it('gives a job notification a stable id per kind and subject', () => {
    expect(jobEventId('offer-reminder', 'a')).toBe(jobEventId('offer-reminder', 'a'));
    expect(jobEventId('offer-reminder', 'a')).not.toBe(jobEventId('offer-reminder', 'b'));
  });
});
