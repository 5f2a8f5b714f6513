import { MatrixSection } from './matrix-types';

const API = '/api/logistics';

/**
 * A host's own placements with arrival and pickup (service logistics, issue #8): hosts only, whatever they host (here
 * nothing yet: an empty list); every other role, and another organisation's admin, 403.
 */
export const logisticsHostMatrix: MatrixSection = {
  name: 'logistics: host placements',
  endpoints: [
    { method: 'get', route: `${API}/my-placements`, path: () => `${API}/my-placements`,
      expect: { admin: 403, coordinator: 403, 'youth-manager': 403, host: 200, otherOrgAdmin: 403 } },
  ],
};
