/** The roles a membership can give (the same list as @twinning/platform-auth's ROLES; contracts import no platform code). */
export const MEMBERSHIP_ROLES = ['admin', 'coordinator', 'youth-manager', 'host'] as const;
