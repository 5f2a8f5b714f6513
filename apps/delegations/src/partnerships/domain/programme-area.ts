/** The programme areas of a partnership or a delegation (product.md, capability 1). */
export const PROGRAMME_AREAS = ['arts-culture', 'youth-education', 'economic-development', 'municipal-technical', 'humanitarian'] as const;
export type ProgrammeArea = (typeof PROGRAMME_AREAS)[number];

export const PARTNERSHIP_STATUSES = ['active', 'dormant', 'ended'] as const;
export type PartnershipStatus = (typeof PARTNERSHIP_STATUSES)[number];
