import { delegationsMatrix } from './delegations.matrix';
import { familiesMatrix } from './families.matrix';
import { identityMatrix } from './identity.matrix';
import { itineraryMatrix } from './itinerary.matrix';
import { logisticsCalendarMatrix } from './logistics-calendar.matrix';
import { logisticsConflictsMatrix } from './logistics-conflicts.matrix';
import { logisticsHostMatrix } from './logistics-host.matrix';
import { logisticsTravelMatrix } from './logistics-travel.matrix';
import { logisticsPickupsMatrix } from './logistics-pickups.matrix';
import { membersMatrix } from './members.matrix';
import { MatrixSection } from './matrix-types';
import { notificationsMatrix } from './notifications.matrix';
import { notificationsDeliveryMatrix } from './notifications-delivery.matrix';
import { partnershipsMatrix } from './partnerships.matrix';
import { participantsMatrix } from './participants.matrix';
import { placementsMatrix } from './placements.matrix';

/** Every feature's section, in setup order (a section may use the fixtures of those before it). */
export const MATRIX_SECTIONS: MatrixSection[] = [identityMatrix, delegationsMatrix, partnershipsMatrix, membersMatrix, itineraryMatrix, participantsMatrix, notificationsMatrix, notificationsDeliveryMatrix, familiesMatrix, placementsMatrix, logisticsPickupsMatrix, logisticsTravelMatrix, logisticsConflictsMatrix, logisticsCalendarMatrix, logisticsHostMatrix];
