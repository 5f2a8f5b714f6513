/**
 * OpenAPI description of the host-matching service's matching and placements endpoints (issue #5): matching
 * settings, guests, matching runs with explanations, "why not", releasing proposals as offers, manual assignment,
 * the rooming list, and the offers hosts answer. Spread into PROXIED_PATHS / PROXIED_SCHEMAS.
 */
import { e401, e403, id, json, problem, q, ref, uuid } from './openapi-parts';
const e400 = json(problem, 'invalid input; `fields` names each bad field (also a domain rule about an input, e.g. MATCHING.VENUE_MISSING names `venue`)');
const e404delegation = json(problem, 'no such delegation known to host matching, owned by or shared with your organisation (DELEGATION.NOT_FOUND)');
const e404offer = json(problem, 'no such offer visible to you: another organisation, or (for a host) an offer to a family you do not host (OFFER.NOT_FOUND)');
const e409 = (codes: string) => json(problem, `the state does not allow it (\`code\`: ${codes})`);
const body = (name: string, required = true) => ({ required, content: { 'application/json': { schema: ref(name) } } });
const nullableId = { ...id, nullable: true };
const date = { type: 'string', format: 'date' };
const dateTime = { type: 'string', format: 'date-time' };
const HARD_RULES = ['CAPACITY', 'AVAILABILITY', 'MINOR_NOT_ELIGIBLE', 'HOST_IS_COORDINATOR', 'GENDER_RULE', 'SMOKING', 'ALLERGY_NOT_CODED', 'PETS_VS_ALLERGY', 'DISTANCE'];
/** what a reader who may not see the guest's allergies is told instead of SMOKING, ALLERGY_NOT_CODED and PETS_VS_ALLERGY */
const PUBLIC_RULES = [...HARD_RULES, 'HEALTH_NEEDS'];
const OFFER_STATUSES = ['offered', 'accepted', 'confirmed', 'declined', 'expired', 'withdrawn', 'released'];
// a manual assignment may also break a group (GROUP_TOGETHER: splits a together group, GROUP_APART: shares a family)
const brokenRules = { type: 'array', items: { type: 'object', properties: { rule: { type: 'string', enum: [...HARD_RULES, 'GROUP_TOGETHER', 'GROUP_APART'] }, message: { type: 'string' } } } };
const breakdown = { type: 'object', additionalProperties: { type: 'number' }, nullable: true, description: 'the soft score per criterion (languages, distance, diet, ...)' };
const explanation = {
  type: 'object', nullable: true,
  description: "why a guest is unplaced: no family passes the hard rules (`decidingRule` the rule that removed the last candidates), the beds went to other guests, their together group could not be placed whole (or their apart group took the families left), or no matching profile yet. Whom the sensitive-fields rule does not let see the guest's allergies gets the rules that come from them as one, HEALTH_NEEDS, and a message that names no allergy (as guest.unplaced on the placement topic)",
  properties: { kind: { type: 'string', enum: ['no-feasible-family', 'beds-taken', 'kept-together', 'kept-apart', 'profile-missing'] }, decidingRule: { type: 'string', enum: PUBLIC_RULES, nullable: true }, message: { type: 'string' } },
  additionalProperties: true,
};

const venue = {
  type: 'object', required: ['latitude', 'longitude'],
  properties: { latitude: { type: 'number', minimum: -90, maximum: 90 }, longitude: { type: 'number', minimum: -180, maximum: 180 } },
};
const group = {
  type: 'object', required: ['kind', 'memberIds'],
  properties: {
    kind: { type: 'string', enum: ['together', 'apart'], description: '`together`: placed in the same family (siblings, pairs); `apart`: never in the same family' },
    memberIds: { type: 'array', items: id, minItems: 2, maxItems: 12, uniqueItems: true, description: 'members of this delegation; a member is in at most one group of each kind' },
  },
};
const guestInRun = {
  type: 'object',
  properties: {
    id: { ...id, description: 'proposal id (to release it as an offer)' }, memberId: id, participantId: id, guestName: { type: 'string', nullable: true }, familyId: nullableId,
    familyName: { type: 'string', nullable: true }, score: { type: 'number', nullable: true }, breakdown,
    excludedByRule: { type: 'object', additionalProperties: { type: 'integer' }, description: 'how many families each hard rule excluded for this guest' },
    feasibleFamilies: { type: 'integer' }, explanation, status: { type: 'string', enum: ['proposed', 'released', 'superseded'] },
  },
};
const run = {
  id, delegationId: id, trigger: { type: 'string', enum: ['coordinator', 'rematch'] }, startedBy: nullableId, startedAt: dateTime, finishedAt: dateTime,
  guests: { type: 'integer' }, placed: { type: 'integer' }, unplaced: { type: 'integer' }, totalScore: { type: 'number' },
  optimal: { type: 'boolean', description: 'a certified optimum (false for the heuristic used when groups are set)' }, durationMs: { type: 'number' },
  familiesConsidered: { type: 'integer' }, moved: { type: 'integer', description: 'open offers a re-match moved' }, details: { type: 'object', additionalProperties: true },
};

export const PLACEMENT_SCHEMAS: Record<string, unknown> = {
  UpdateMatchingSettings: {
    type: 'object', description: 'any subset; what is omitted keeps its value',
    properties: {
      venueName: { type: 'string', maxLength: 200, nullable: true },
      venue: { ...venue, nullable: true, description: 'where the programme takes place; the distance rule measures family to venue (required before a run)' },
      maxDistanceKm: { type: 'number', minimum: 0, maximum: 500, default: 25 },
      minorsGenderRule: { type: 'string', enum: ['same-gender-host-parent-present', 'none'], default: 'same-gender-host-parent-present' },
      offerResponseHours: { type: 'integer', minimum: 1, maximum: 720, default: 72, description: 'how long a family has to answer an offer' },
      groups: { type: 'array', maxItems: 500, items: group, description: 'replaces the list' },
    },
  },
  MatchingSettings: {
    type: 'object',
    properties: {
      venueName: { type: 'string', nullable: true }, venue: { type: 'object', nullable: true, properties: { lat: { type: 'number' }, lng: { type: 'number' } } },
      maxDistanceKm: { type: 'number' }, minorsGenderRule: { type: 'string', enum: ['same-gender-host-parent-present', 'none'] }, offerResponseHours: { type: 'integer' }, groups: { type: 'array', items: group },
    },
  },
  DelegationGuests: {
    type: 'object',
    properties: {
      delegationId: id,
      items: { type: 'array', items: { type: 'object', properties: {
        memberId: id, participantId: id, role: { type: 'string' }, name: { type: 'string', nullable: true },
        hasMatchingProfile: { type: 'boolean', description: 'the delegations service has published the participant’s matching profile' },
        minor: { type: 'boolean', description: 'under 18 on arrival (or date of birth unknown)' }, guardianConsentOnFile: { type: 'boolean' },
        offer: { type: 'object', nullable: true, properties: {
          id, status: { type: 'string', enum: OFFER_STATUSES }, familyId: id, familyName: { type: 'string' }, deadlineAt: dateTime, origin: { type: 'string', enum: ['matching', 'rematch', 'manual'] }, brokenRules,
        } },
        latestProposal: { type: 'object', nullable: true, properties: { familyId: nullableId, status: { type: 'string' }, explanation } },
      } } },
    },
  },
  MatchingRun: { type: 'object', properties: run },
  MatchingRunDetail: {
    type: 'object',
    properties: { ...run, proposals: { type: 'array', items: guestInRun, description: 'guests placed with a family' }, unplacedGuests: { type: 'array', items: guestInRun, description: 'guests left without a family, each with an explanation' } },
  },
  WhyNot: {
    type: 'object',
    description: 'the first hard rule that excludes the family (`feasible: false`), or its score against the best feasible family and the score lost by forcing it',
    properties: {
      familyId: id, feasible: { type: 'boolean' }, rule: { type: 'string', enum: PUBLIC_RULES, description: 'when not feasible (HEALTH_NEEDS for whom may not see the guest’s allergies)' }, message: { type: 'string' },
      score: { type: 'number' }, breakdown, bestFamilyId: id, bestScore: { type: 'number' }, scoreLost: { type: 'number' },
      forbiddenAfter: { type: 'string', enum: ['declined', 'expired', 'withdrawn'], description: 'the family ended an offer of this guest before: re-matches never offer it again' }, note: { type: 'string' },
    },
  },
  ReleaseOffers: {
    type: 'object',
    properties: { proposalIds: { type: 'array', items: id, maxItems: 2000, description: 'the proposals to release; every open proposal with a family when omitted' } },
  },
  ReleasedOffers: {
    type: 'object',
    properties: {
      offerIds: { type: 'array', items: id }, skipped: { type: 'array', items: { type: 'object', properties: { proposalId: id, reason: { type: 'string' } } } },
      deadlineHours: { type: 'integer' },
    },
  },
  Assign: {
    type: 'object', required: ['memberId', 'familyId'],
    properties: {
      memberId: id, familyId: id,
      acknowledgeBrokenRules: { type: 'boolean', description: 'required (true) when the pair breaks a hard rule that may be overridden' },
      note: { type: 'string', maxLength: 1000, description: 'why the coordinator overrides (required when rules are broken); recorded with the offer' },
    },
  },
  Assignment: {
    type: 'object',
    properties: { offerId: id, brokenRules, overridden: { type: 'boolean' }, replacedOfferId: { ...nullableId, description: 'the guest’s previous offer, withdrawn or released' } },
  },
  RoomingList: {
    type: 'object',
    properties: {
      delegation: { type: 'object', properties: { id, title: { type: 'string' }, hostCity: { type: 'string' }, startDate: date, endDate: date } },
      families: { type: 'array', items: { type: 'object', properties: {
        familyName: { type: 'string' }, address: { type: 'string' },
        guests: { type: 'array', items: { type: 'object', properties: {
          familyName: { type: 'string' }, address: { type: 'string' }, guestName: { type: 'string' }, gender: { type: 'string' }, ageOnArrival: { type: 'integer', nullable: true },
          role: { type: 'string' }, arrival: date, departure: date, status: { type: 'string', enum: ['confirmed', 'accepted', 'offered'] },
        } } },
      } } },
      unplaced: { type: 'array', items: { type: 'object', properties: { guestName: { type: 'string' }, role: { type: 'string' } } }, description: 'homestay guests without an offer or placement' },
    },
  },
  Offer: {
    type: 'object',
    description: 'what a host must know about the guest; diet and allergies only where the role and relation allow',
    properties: {
      id, delegationId: id, delegation: { type: 'object', properties: {
        title: { type: 'string' }, hostCity: { type: 'string' },
        hostTimeZone: { type: 'string', nullable: true, example: 'Asia/Shanghai', description: 'the host city’s IANA time zone, to show the deadline in; null while host matching does not know it yet (show the reader’s own zone)' },
        from: date, to: date,
      } },
      memberId: id, participantId: id, familyId: id, familyName: { type: 'string' }, origin: { type: 'string', enum: ['matching', 'rematch', 'manual'] },
      status: { type: 'string', enum: OFFER_STATUSES, description: 'an open offer past its deadline reads `expired`' }, deadlineAt: dateTime, timeLeftSeconds: { type: 'integer' },
      score: { type: 'number', nullable: true }, breakdown, brokenRules, overrideNote: { type: 'string', nullable: true }, createdAt: dateTime, respondedAt: { ...dateTime, nullable: true },
      responseReason: { type: 'string', nullable: true }, confirmedAt: { ...dateTime, nullable: true }, endedAt: { ...dateTime, nullable: true }, endReason: { type: 'string', nullable: true },
      awaitingGuardianConsent: { type: 'boolean', description: 'accepted, but a minor’s placement is confirmed only with guardian consent on file' },
      guest: { type: 'object', properties: {
        givenName: { type: 'string', nullable: true }, familyName: { type: 'string', nullable: true }, gender: { type: 'string', nullable: true }, languages: { type: 'array', items: { type: 'string' } },
        nationality: { type: 'string', nullable: true }, minor: { type: 'boolean' }, ageOnArrival: { type: 'integer', nullable: true },
        diet: { type: 'array', items: { type: 'string' }, description: 'diet codes of the vocabulary' }, dietNote: { type: 'string' },
        allergies: { type: 'array', items: { type: 'string' }, description: 'allergen codes of the vocabulary' }, allergyNote: { type: 'string' },
      } },
    },
  },
  OfferAnswer: {
    allOf: [ref('Offer'), { type: 'object', properties: { rematch: {
      type: 'object', nullable: true, description: 'the automatic re-match of the guest, in the same transaction',
      properties: { runId: id, placed: { type: 'integer' }, unplaced: { type: 'integer' }, moved: { type: 'integer' } },
    } } }],
  },
  DeclineOffer: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 500 } } },
  WithdrawOffer: { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3, maxLength: 500, description: 'why the host takes back an accepted placement' } } },
};

const tags = ['placements'];
const security = [{ bearer: [] }];
const delegationId = uuid('delegationId', 'delegation id');
const offerId = uuid('offerId', 'offer id');
const D = '/api/host-matching/delegations/{delegationId}';
const reads = '(coordinator, admin, youth-manager) (service: host-matching)';
const writes = '(coordinator, admin) (service: host-matching)';

export const PLACEMENT_PATHS: Record<string, Record<string, unknown>> = {
  [`${D}/matching-settings`]: {
    get: { tags, security, summary: `A delegation's matching settings (defaults until set) ${reads}`, parameters: [delegationId],
      responses: { 200: json(ref('MatchingSettings'), 'the settings'), 401: e401, 403: e403, 404: e404delegation } },
    put: { tags, security, summary: `Set the venue, distance limit, minors' gender rule, offer deadline and groups ${writes}`, parameters: [delegationId], requestBody: body('UpdateMatchingSettings'),
      responses: { 200: json(ref('MatchingSettings'), 'the settings now'), 400: json(problem, 'invalid input, or a group naming a non-member (MATCHING.GROUP_MEMBER_UNKNOWN) a member twice (MATCHING.GROUP_OVERLAP), or two members both kept together and kept apart (MATCHING.GROUP_CONFLICT)'), 401: e401, 403: e403, 404: e404delegation } },
  },
  [`${D}/guests`]: {
    get: { tags, security, summary: `The delegation's homestay guests with their current offer or placement and latest proposal ${reads}`, parameters: [delegationId],
      responses: { 200: json(ref('DelegationGuests'), 'the guests'), 401: e401, 403: e403, 404: e404delegation } },
  },
  [`${D}/matching-runs`]: {
    post: { tags, security, summary: `Run matching over the guests without an open offer or placement: proposals with score breakdowns, and an explanation for each unplaced guest; publishes matching-run.completed and guest.unplaced ${writes}`,
      parameters: [delegationId],
      responses: { 201: json(ref('MatchingRunDetail'), 'the run'), 400: json(problem, 'no venue set yet (MATCHING.VENUE_MISSING, field `venue`)'), 401: e401, 403: e403, 404: e404delegation,
        409: e409('MATCHING.DELEGATION_CLOSED (cancelled or completed)') } },
    get: { tags, security, summary: `The delegation's matching runs, newest first (at most 50), coordinator runs and automatic re-matches ${reads}`, parameters: [delegationId],
      responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('MatchingRun') } } }, 'the runs'), 401: e401, 403: e403, 404: e404delegation } },
  },
  [`${D}/matching-runs/{runId}`]: {
    get: { tags, security, summary: `One matching run with its proposals and unplaced guests ${reads}`, parameters: [delegationId, uuid('runId', 'matching run id')],
      responses: { 200: json(ref('MatchingRunDetail'), 'the run'), 401: e401, 403: e403, 404: json(problem, 'the delegation, or this run of it, not found (DELEGATION.NOT_FOUND, MATCHING.RUN_NOT_FOUND)') } },
  },
  [`${D}/why-not`]: {
    get: { tags, security, summary: `Why is this guest not with family X: the rule that excludes it, or the score lost by forcing it ${reads}`,
      parameters: [delegationId, q('memberId', id, 'the guest (a homestay member of the delegation)', true), q('familyId', id, 'the family asked about', true)],
      responses: { 200: json(ref('WhyNot'), 'the answer'), 400: json(problem, 'invalid ids, no venue set (MATCHING.VENUE_MISSING), not a homestay guest (MATCHING.NOT_A_GUEST), no matching profile yet (MATCHING.PROFILE_MISSING), or not a family of your organisation (MATCHING.FAMILY_UNKNOWN)'),
        401: e401, 403: e403, 404: e404delegation } },
  },
  [`${D}/offers`]: {
    post: { tags, security, summary: `Release the latest run's open proposals (all, or those named) as offers with a deadline; publishes offer.made ${writes}`, parameters: [delegationId], requestBody: body('ReleaseOffers', false),
      responses: { 201: json(ref('ReleasedOffers'), 'the offers made, and the proposals skipped (guest already placed, or the family has no free bed any more)'),
        400: json(problem, 'invalid input, or a named proposal that is not open (MATCHING.PROPOSAL_NOT_OPEN, field `proposalIds`)'), 401: e401, 403: e403, 404: e404delegation,
        409: e409('MATCHING.DELEGATION_CLOSED') } },
  },
  [`${D}/assignments`]: {
    post: { tags, security, summary: `Assign a guest to a family by hand, told every hard rule the pair breaks; an override needs acknowledgeBrokenRules and a note, and capacity and safeguarding rules cannot be overridden; replaces the guest's current offer; publishes offer.made ${writes}`,
      parameters: [delegationId], requestBody: body('Assign'),
      responses: { 201: json(ref('Assignment'), 'the offer made'),
        400: json(problem, 'invalid input, no venue set, not a homestay guest, no matching profile, an unknown family, the guest already has an offer with this family (ASSIGNMENT.ALREADY), or an override without a note (ASSIGNMENT.NOTE_REQUIRED)'),
        401: e401, 403: e403, 404: e404delegation,
        409: e409('ASSIGNMENT.NOT_OVERRIDABLE (capacity, minor not eligible, host is coordinator), ASSIGNMENT.BREAKS_RULES (send acknowledgeBrokenRules and a note), MATCHING.DELEGATION_CLOSED; `details.brokenRules` lists them') } },
  },
  [`${D}/rooming-list`]: {
    get: { tags, security, summary: `The rooming list: each family with its guests (confirmed, accepted, offered) and the guests still unplaced; JSON, CSV (attachment) or printable HTML ${reads}`,
      parameters: [delegationId, q('format', { type: 'string', enum: ['json', 'csv', 'html'] }, 'JSON by default; `Accept: text/csv` or `text/html` also choose')],
      responses: {
        200: { description: 'the rooming list', content: { 'application/json': { schema: ref('RoomingList') }, 'text/csv': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } },
        400: e400, 401: e401, 403: e403, 404: e404delegation,
      } },
  },
  '/api/host-matching/offers': {
    get: { tags, security, summary: "Offers of your organisation (coordinator, admin, youth-manager); a host sees only the offers to families they host (service: host-matching)",
      parameters: [q('limit', { type: 'integer', minimum: 1, maximum: 200, default: 50 }), q('offset', { type: 'integer', minimum: 0, default: 0 }), q('delegationId', id),
        q('status', { type: 'string', enum: OFFER_STATUSES }, '`offered` means open and before the deadline; `expired` includes open offers past it'),
        q('deadlineBefore', { type: 'string', format: 'date-time' }, 'only offers whose answer deadline is before this instant (with status=offered: about to expire)')],
      responses: { 200: json({ type: 'object', properties: { items: { type: 'array', items: ref('Offer') }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } } }, 'a page of offers, newest first'),
        400: e400, 401: e401, 403: e403 } },
  },
  '/api/host-matching/offers/{offerId}': {
    get: { tags, security, summary: 'One offer (coordinator, admin, youth-manager, or a host of its family) (service: host-matching)', parameters: [offerId],
      responses: { 200: json(ref('Offer'), 'the offer'), 400: e400, 401: e401, 403: e403, 404: e404offer } },
  },
  '/api/host-matching/offers/{offerId}/accept': {
    post: { tags, security, summary: "Accept an open offer (a host of its family, or a coordinator or admin for them); an adult's placement, or a minor's with guardian consent on file, is confirmed at once; publishes offer.accepted (and placement.confirmed) (service: host-matching)",
      parameters: [offerId], responses: { 200: json(ref('Offer'), 'accepted or confirmed'), 400: e400, 401: e401, 403: e403, 404: e404offer, 409: e409('OFFER.EXPIRED, OFFER.NOT_OPEN, OFFER.FAMILY_NOT_VETTED_FOR_MINORS (a minor, and the family is not eligible now: details.reasons)') } },
  },
  '/api/host-matching/offers/{offerId}/decline': {
    post: { tags, security, summary: 'Decline an open offer with a reason (a host of its family, or a coordinator or admin for them); the guest is re-matched at once and never offered this family again; publishes offer.declined (service: host-matching)',
      parameters: [offerId], requestBody: body('DeclineOffer'),
      responses: { 200: json(ref('OfferAnswer'), 'declined, with the re-match'), 400: e400, 401: e401, 403: e403, 404: e404offer, 409: e409('OFFER.EXPIRED, OFFER.NOT_OPEN') } },
  },
  '/api/host-matching/offers/{offerId}/withdraw': {
    post: { tags, security, summary: 'Withdraw an accepted or confirmed placement with a reason (a host of its family, or a coordinator or admin for them); the guest is re-matched at once; publishes offer.withdrawn and placement.released (service: host-matching)',
      parameters: [offerId], requestBody: body('WithdrawOffer'),
      responses: { 200: json(ref('OfferAnswer'), 'withdrawn, with the re-match'), 400: e400, 401: e401, 403: e403, 404: e404offer, 409: e409('OFFER.NOT_ACCEPTED') } },
  },
};
