import { DomainRuleError } from '@twinning/platform-http';
import { CATEGORIES, NOTIFICATION_TYPES } from '../../notification-types';

/** Categories a person may opt out of: every category but `safety` (and `digest`, which is a way of sending, not a subject). */
export const OPTABLE_CATEGORIES = CATEGORIES.filter((c) => c !== 'safety' && c !== 'digest');

/** Validates a requested set of opt-outs (400 naming `optOuts` for an unknown category or `safety`); sorted, no duplicates. */
export function validateOptOuts(optOuts: string[]): string[] {
  for (const c of optOuts) {
    if (c === 'safety') throw new DomainRuleError('PREFERENCES.SAFETY_REQUIRED', 'safety notifications (incidents, welfare alerts, cancellations) cannot be turned off', 'optOuts');
    if (!(OPTABLE_CATEGORIES as string[]).includes(c)) {
      throw new DomainRuleError('PREFERENCES.UNKNOWN_CATEGORY', `unknown category "${c}"; one of ${OPTABLE_CATEGORIES.join(', ')}`, 'optOuts');
    }
  }
  return [...new Set(optOuts)].sort();
}

/** Each category with its types, whether it is safety-critical and whether the person opted out. */
export function describePreferences(optOuts: string[]) {
  return {
    optOuts,
    categories: CATEGORIES.filter((c) => c !== 'digest').map((category) => {
      const types = Object.entries(NOTIFICATION_TYPES).filter(([, t]) => t.category === category);
      return {
        category,
        types: types.map(([type]) => type),
        /** the category may not be opted out */
        safety: category === 'safety',
        /** types of the category sent even when opted out (cancellations) */
        alwaysSent: types.filter(([, t]) => t.safety).map(([type]) => type),
        optedOut: optOuts.includes(category),
      };
    }),
  };
}
