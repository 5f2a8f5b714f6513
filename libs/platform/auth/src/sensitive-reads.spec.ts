import { collectSensitiveReads, disclose } from './sensitive-reads';

describe('disclose: the sensitive-fields rule that notes audited reads', () => {
  const youth = { roles: ['youth-manager' as const] };
  const coordinator = { roles: ['coordinator' as const] };

  it('notes each audited field a request disclosed, once per record, and nothing it refused or does not audit', async () => {
    const { result, collected } = collectSensitiveReads(async () => {
      await Promise.resolve(); // still the same request after an await
      return [
        disclose(youth, 'owner', 'medicalNotes', { kind: 'participant', id: 'p1' }),
        disclose(youth, 'owner', 'guardianContacts', { kind: 'participant', id: 'p1' }),
        disclose(youth, 'owner', 'medicalNotes', { kind: 'participant', id: 'p1' }),
        disclose(youth, 'owner', 'allergies', { kind: 'participant', id: 'p1' }),
        disclose(coordinator, 'owner', 'medicalNotes', { kind: 'participant', id: 'p2' }),
        disclose(youth, 'partner', 'guardianContacts', { kind: 'participant', id: 'p3' }),
      ];
    });
    expect(await result).toEqual([true, true, true, true, false, false]);
    expect(collected()).toEqual([{ subjectKind: 'participant', subjectId: 'p1', fields: ['medicalNotes', 'guardianContacts'] }]);
  });

  it('outside a request it is the plain rule', () => {
    expect(disclose(youth, 'owner', 'medicalNotes', { kind: 'participant', id: 'p1' })).toBe(true);
    expect(disclose(coordinator, 'owner', 'guardianContacts', { kind: 'participant', id: 'p1' })).toBe(false);
  });
});
