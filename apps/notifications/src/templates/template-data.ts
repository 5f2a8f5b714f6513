import { NotificationType } from '../notification-types';

/**
 * The data each notification type's templates expect (issue #7) — the one place where consumers learn what to put in
 * `NotificationRequest.data`, and translators which placeholders a template may use. The interfaces type the data;
 * TEMPLATE_FIELDS describes every placeholder path (nested objects with `.`, items of a list with `[].`) and is
 * checked by the templates' spec against the placeholders that every locale's templates actually use.
 *
 * Conventions:
 * - instants are ISO 8601 strings with an offset or `Z` (e.g. `2027-04-14T11:30:00Z`); the templates format them with
 *   `{{dateTime}}`, `{{date}}`, `{{time}}` or `{{timeLeft}}` in the recipient's locale and the request's time zone
 *   (or a zone given in the data, e.g. a flight's departure zone);
 * - calendar dates are `YYYY-MM-DD` (shown as that day, whatever the zone);
 * - names and free text are given as the source has them (not translated); URLs are absolute links to the web app;
 * - an optional field may be missing or null: the templates then leave its sentence out.
 */

type Instant = string;
type CalendarDate = string;
type Url = string;

export interface PickupInfo {
  /** meeting time at the airport (instant) */
  time: Instant;
  /** IATA code, e.g. `PVG` */
  airport: string;
  /** who drives, if known */
  driver?: string | null;
}

export interface EmergencyContact {
  name: string;
  phone: string;
}

export interface DigestItem {
  /** one line, already in the recipient's language (e.g. the folded notification's rendered subject) */
  title: string;
  /** when it is due (instant), if it has a due time */
  dueAt?: Instant | null;
  url: Url;
}

export interface ProblemItem {
  /** the problem as the service that found it describes it */
  summary: string;
  url: Url;
}

export interface TemplateDataMap {
  invitation: { inviteeName?: string | null; organisationName: string; invitedByName: string; acceptUrl: Url; expiresAt: Instant };
  'password-reset': { recipientName: string; resetUrl: Url; expiresAt: Instant };
  'delegation-confirmed': { recipientName: string; delegationTitle: string; hostCity: string; startDate: CalendarDate; endDate: CalendarDate; delegationUrl: Url };
  'delegation-changed': { recipientName: string; delegationTitle: string; hostCity: string; startDate: CalendarDate; endDate: CalendarDate; delegationUrl: Url };
  'delegation-cancelled': { recipientName: string; delegationTitle: string; hostCity: string; startDate: CalendarDate; endDate: CalendarDate; delegationUrl: Url };
  'itinerary-changed': {
    recipientName: string;
    delegationTitle: string;
    change: 'added' | 'updated' | 'removed';
    activityTitle: string;
    startsAt: Instant;
    endsAt: Instant;
    itineraryUrl: Url;
  };
  'welfare-alert': { recipientName: string; delegationTitle: string; participantName: string; welfareRating: number; checkedAt: Instant; participantUrl: Url };
  'incident-escalation': {
    recipientName: string;
    delegationTitle: string;
    incidentType: string;
    severity: string;
    openedAt: Instant;
    reportDueAt: Instant;
    incidentUrl: Url;
  };
  'offer-made': {
    hostName: string;
    guestName: string;
    delegationTitle: string;
    hostCity: string;
    arrivalDate: CalendarDate;
    departureDate: CalendarDate;
    deadline: Instant;
    offerUrl: Url;
  };
  'offer-reminder': { hostName: string; guestName: string; delegationTitle: string; deadline: Instant; offerUrl: Url };
  'offer-accepted': {
    recipientName: string;
    hostFamilyName: string;
    guestName: string;
    delegationTitle: string;
    awaitingGuardianConsent: boolean;
    placementsUrl: Url;
  };
  'offer-declined': { recipientName: string; hostFamilyName: string; guestName: string; delegationTitle: string; reason: string; placementsUrl: Url };
  'offer-expired': { recipientName: string; hostFamilyName: string; guestName: string; delegationTitle: string; deadline: Instant; placementsUrl: Url };
  'offer-withdrawn': { recipientName: string; hostFamilyName: string; guestName: string; delegationTitle: string; reason: string; placementsUrl: Url };
  'offer-rematched': { recipientName: string; guestName: string; delegationTitle: string; newFamilyName: string; placementsUrl: Url };
  'welcome-packet-host': {
    hostName: string;
    guestName: string;
    delegationTitle: string;
    arrivalDateTime: Instant;
    stayFrom: CalendarDate;
    stayTo: CalendarDate;
    pickup?: PickupInfo | null;
    /** codes of the vocabulary (shown as labels in the recipient's language) and the notes that go with them */
    needs: { dietCodes: string[]; dietNote?: string | null; allergyCodes: string[]; allergyNote?: string | null };
    emergencyContact: EmergencyContact;
  };
  'welcome-packet-guest': {
    guestName: string;
    hostFamilyName: string;
    hostAddress: string;
    delegationTitle: string;
    arrivalDateTime: Instant;
    stayFrom: CalendarDate;
    stayTo: CalendarDate;
    pickup?: PickupInfo | null;
    emergencyContact: EmergencyContact;
  };
  'vetting-expiring': { recipientName: string; familyName: string; memberName: string; expiresOn: CalendarDate; familyUrl: Url };
  'household-review': { recipientName: string; familyName: string; added: number; removed: number; birthDateChanged: number; reviewUrl: Url };
  'travel-changed': {
    recipientName: string;
    delegationTitle: string;
    cancelled: boolean;
    carrier?: string | null;
    number?: string | null;
    from: string;
    to: string;
    departureAt: Instant;
    departureTimeZone: string;
    arrivalAt: Instant;
    arrivalTimeZone: string;
    travelUrl: Url;
  };
  'pickup-planned': {
    recipientName: string;
    delegationTitle: string;
    airport: string;
    meetingAt: Instant;
    driverName?: string | null;
    dropOffs: string[];
    travelUrl: Url;
  };
  'conflict-raised': { recipientName: string; delegationTitle: string; conflictKind: string; message: string; logisticsUrl: Url };
  'delivery-failed': {
    recipientName: string;
    failedType: string;
    failedRecipientName: string;
    channel: string;
    attempts: number;
    lastError: string;
    failedAt: Instant;
    deliveryLogUrl: Url;
  };
  digest: { recipientName: string; count: number; items: DigestItem[] };
  'problems-folded': { recipientName: string; delegationTitle: string; count: number; items: ProblemItem[]; logisticsUrl: Url };
}

/** The typed data of one notification type. */
export type TemplateData<T extends NotificationType> = TemplateDataMap[T];

export interface FieldSpec {
  description: string;
  optional?: true;
}

const req = (description: string): FieldSpec => ({ description });
const opt = (description: string): FieldSpec => ({ description, optional: true });

const recipientName = req("the recipient's display name (greeting)");
const delegationTitle = req("the delegation's title");
const guestName = req("the guest's given name");
const hostFamilyName = req("the host family's name");

/** Every placeholder path each type's templates use, with its meaning. Kept equal to the templates by the spec. */
export const TEMPLATE_FIELDS: { [T in NotificationType]: Record<string, FieldSpec> } = {
  invitation: {
    inviteeName: opt("the invitee's name, as the inviter typed it"),
    organisationName: req('the inviting organisation'),
    invitedByName: req('who invited them'),
    acceptUrl: req('the single-use link to accept'),
    expiresAt: req('when the invitation expires (instant)'),
  },
  'password-reset': {
    recipientName: req("the account holder's name"),
    resetUrl: req('the single-use link to choose a new password'),
    expiresAt: req('when the link expires (instant)'),
  },
  'delegation-confirmed': {
    recipientName,
    delegationTitle,
    hostCity: req('the host city'),
    startDate: req('first day of the visit (date)'),
    endDate: req('last day of the visit (date)'),
    delegationUrl: req("link to the delegation's page"),
  },
  'delegation-changed': {
    recipientName,
    delegationTitle,
    hostCity: req('the host city (as now)'),
    startDate: req('first day (as now, date)'),
    endDate: req('last day (as now, date)'),
    delegationUrl: req("link to the delegation's page"),
  },
  'delegation-cancelled': {
    recipientName,
    delegationTitle,
    hostCity: req('the host city'),
    startDate: req('first day that was planned (date)'),
    endDate: req('last day that was planned (date)'),
    delegationUrl: req("link to the delegation's page"),
  },
  'itinerary-changed': {
    recipientName,
    delegationTitle,
    change: req("'added', 'updated' or 'removed'"),
    activityTitle: req("the activity's title"),
    startsAt: req('start (instant; shown in the host city zone given as the request time zone)'),
    endsAt: req('end (instant)'),
    itineraryUrl: req('link to the itinerary'),
  },
  'welfare-alert': {
    recipientName,
    delegationTitle,
    participantName: req('the participant whose welfare was rated poor'),
    welfareRating: req('the rating, 1–5'),
    checkedAt: req('when the check-in was made (instant)'),
    participantUrl: req("link to the participant's record"),
  },
  'incident-escalation': {
    recipientName,
    delegationTitle,
    incidentType: req('the incident type code'),
    severity: req('the severity code'),
    openedAt: req('when the incident was opened (instant)'),
    reportDueAt: req('when it had to be reported (instant)'),
    incidentUrl: req('link to the incident'),
  },
  'offer-made': {
    hostName: req("the host's display name (greeting)"),
    guestName,
    delegationTitle,
    hostCity: req('the host city'),
    arrivalDate: req('first night of the stay (date)'),
    departureDate: req('last day of the stay (date)'),
    deadline: req('answer by (instant)'),
    offerUrl: req('link to answer the offer'),
  },
  'offer-reminder': {
    hostName: req("the host's display name (greeting)"),
    guestName,
    delegationTitle,
    deadline: req('answer by (instant)'),
    offerUrl: req('link to answer the offer'),
  },
  'offer-accepted': {
    recipientName,
    hostFamilyName,
    guestName,
    delegationTitle,
    awaitingGuardianConsent: req("true while a minor's placement waits for guardian consent"),
    placementsUrl: req("link to the delegation's placements"),
  },
  'offer-declined': {
    recipientName,
    hostFamilyName,
    guestName,
    delegationTitle,
    reason: req("the host's reason"),
    placementsUrl: req("link to the delegation's placements"),
  },
  'offer-expired': {
    recipientName,
    hostFamilyName,
    guestName,
    delegationTitle,
    deadline: req('the deadline that passed (instant)'),
    placementsUrl: req("link to the delegation's placements"),
  },
  'offer-withdrawn': {
    recipientName,
    hostFamilyName,
    guestName,
    delegationTitle,
    reason: req('why it was withdrawn'),
    placementsUrl: req("link to the delegation's placements"),
  },
  'offer-rematched': {
    recipientName,
    guestName,
    delegationTitle,
    newFamilyName: req('the family the guest was offered to now'),
    placementsUrl: req("link to the delegation's placements"),
  },
  'welcome-packet-host': {
    hostName: req("the host's display name (greeting)"),
    guestName,
    delegationTitle,
    arrivalDateTime: req('when the guest arrives (instant)'),
    stayFrom: req('first night (date)'),
    stayTo: req('last day (date)'),
    'pickup.time': opt('airport meeting time (instant); no pickup: leave `pickup` null'),
    'pickup.airport': opt('airport IATA code'),
    'pickup.driver': opt("the driver's name, if assigned"),
    'needs.dietCodes': req('diet codes the host must know (list; empty for none; shown as labels)'),
    'needs.dietNote': opt('a note on the diet'),
    'needs.allergyCodes': req('allergen codes the host must know (list; empty for none; shown as labels)'),
    'needs.allergyNote': opt('a note on the allergies'),
    'emergencyContact.name': req("the programme's emergency contact"),
    'emergencyContact.phone': req('their phone number'),
  },
  'welcome-packet-guest': {
    guestName,
    hostFamilyName,
    hostAddress: req("the host family's address"),
    delegationTitle,
    arrivalDateTime: req('when the guest arrives (instant)'),
    stayFrom: req('first night (date)'),
    stayTo: req('last day (date)'),
    'pickup.time': opt('airport meeting time (instant); no pickup: leave `pickup` null'),
    'pickup.airport': opt('airport IATA code'),
    'pickup.driver': opt("the driver's name, if assigned"),
    'emergencyContact.name': req("the programme's emergency contact"),
    'emergencyContact.phone': req('their phone number'),
  },
  'household-review': {
    recipientName,
    familyName: req('the host family'),
    added: req('how many members were added'),
    removed: req('how many members were removed'),
    birthDateChanged: req('how many birth dates changed'),
    reviewUrl: req("link to the family's vetting page, where the household is confirmed"),
  },
  'vetting-expiring': {
    recipientName,
    familyName: req('the host family'),
    memberName: req('the household member whose background check expires'),
    expiresOn: req('expiry day (date)'),
    familyUrl: req("link to the family's vetting page"),
  },
  'travel-changed': {
    recipientName,
    delegationTitle,
    cancelled: req('true when the segment was cancelled'),
    carrier: opt('airline or operator'),
    number: opt('flight or train number'),
    from: req('origin (IATA code or station)'),
    to: req('destination'),
    departureAt: req('departure (instant)'),
    departureTimeZone: req('IANA zone of the origin (departure shown there)'),
    arrivalAt: req('arrival (instant)'),
    arrivalTimeZone: req('IANA zone of the destination (arrival shown there)'),
    travelUrl: req("link to the delegation's travel page"),
  },
  'pickup-planned': {
    recipientName,
    delegationTitle,
    airport: req('IATA code'),
    meetingAt: req('meeting time at the airport (instant; request time zone = the airport zone)'),
    driverName: opt("the driver's name, if assigned"),
    dropOffs: req('drop-off points (list of labels)'),
    travelUrl: req("link to the delegation's travel page"),
  },
  'conflict-raised': {
    recipientName,
    delegationTitle,
    conflictKind: req('the conflict kind code, e.g. NO_LODGING_FOR_NIGHT'),
    message: req("the logistics service's description"),
    logisticsUrl: req("link to the delegation's logistics page"),
  },
  'delivery-failed': {
    recipientName: req("the coordinator's display name"),
    failedType: req('the notification type that could not be delivered'),
    failedRecipientName: req('who should have received it'),
    channel: req("'email' or 'in-app'"),
    attempts: req('how many attempts were made'),
    lastError: req('the last error'),
    failedAt: req('when it was given up (instant)'),
    deliveryLogUrl: req('link to the delivery log'),
  },
  digest: {
    recipientName,
    count: req('how many items'),
    'items[].title': req('one line per folded notification, in the recipient language'),
    'items[].dueAt': opt('when it is due (instant)'),
    'items[].url': req('link for the item'),
  },
  'problems-folded': {
    recipientName,
    delegationTitle,
    count: req('how many problems are listed'),
    'items[].summary': req("one problem, as the logistics service describes it"),
    'items[].url': req('where to act on it'),
    logisticsUrl: req("link to the delegation's logistics page"),
  },
};

/** The required top-level and nested fields missing from `data` (for a consumer's own checks and tests). */
export function missingTemplateData(type: NotificationType, data: Record<string, unknown>): string[] {
  const missing: string[] = [];
  for (const [path, spec] of Object.entries(TEMPLATE_FIELDS[type])) {
    if (spec.optional || path.includes('[]')) continue;
    let value: unknown = data;
    for (const part of path.split('.')) value = value != null && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
    if (value === undefined || value === null || value === '') missing.push(path);
  }
  return missing;
}
