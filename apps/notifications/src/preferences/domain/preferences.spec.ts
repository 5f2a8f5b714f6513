import { DomainRuleError } from '@twinning/platform-http';
import { describePreferences, OPTABLE_CATEGORIES, validateOptOuts } from './preferences';

describe('notification preferences', () => {
  it('accepts known categories, sorted and without duplicates', () => {
    expect(validateOptOuts(['vetting', 'offers', 'vetting'])).toEqual(['offers', 'vetting']);
    expect(OPTABLE_CATEGORIES).not.toContain('safety');
  });

  it('refuses safety and unknown categories, naming the field', () => {
    for (const bad of [['safety'], ['offers', 'nope'], ['digest']]) {
      try {
        validateOptOuts(bad);
        throw new Error('accepted');
      } catch (e) {
        expect(e).toBeInstanceOf(DomainRuleError);
        expect((e as DomainRuleError).field).toBe('optOuts');
      }
    }
  });

  it('describes each category with the types always sent', () => {
    const d = describePreferences(['delegations']);
    expect(d.categories.find((c) => c.category === 'delegations')).toMatchObject({ optedOut: true, alwaysSent: ['delegation-cancelled'] });
    expect(d.categories.find((c) => c.category === 'safety')).toMatchObject({ safety: true, optedOut: false });
  });
});
