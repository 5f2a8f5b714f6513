import { delegationsMatrix } from './delegations.matrix';
import { identityMatrix } from './identity.matrix';
import { MatrixSection } from './matrix-types';
import { notificationsMatrix } from './notifications.matrix';

/** Every feature's section, in setup order (a section may use the fixtures of those before it). */
export const MATRIX_SECTIONS: MatrixSection[] = [identityMatrix, delegationsMatrix, notificationsMatrix];
