export const MEMBER_ROLES = ['official', 'delegate', 'student', 'chaperone', 'interpreter'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const LODGING_NEEDS = ['homestay', 'hotel', 'none'] as const;
export type LodgingNeed = (typeof LODGING_NEEDS)[number];
