/**
 * Demo welfare records (issue #4's youth programme, shown by the web app's youth screens, issue #8): the Tacoma youth
 * manager's pre-departure calls with the students of the Youth Symphony (one rated 2 of 5, which raises a welfare
 * alert to the youth managers by email), and an incident at the last rehearsal before departure, reported to the
 * school district. Idempotent: a delegation that has check-ins already is left as it is.
 */
import { Call } from './demo-support';

interface DemoCheckIn { student: string; method: 'in-person' | 'phone' | 'video' | 'message'; welfareRating: number; notes: string; hoursAgo: number }

export const DEMO_WELFARE: Record<string, { checkIns: DemoCheckIn[]; incident?: { type: string; severity: string; description: string; involved: string[]; daysAgo: number; reportedTo?: string } }> = {
  'Tacoma Youth Symphony to Fuzhou': {
    checkIns: [
      { student: 'Emma Larsen', method: 'video', welfareRating: 5, notes: 'Pre-departure call with her mother: adrenaline auto-injectors packed, excited about the concert.', hoursAgo: 30 },
      { student: 'Noah Nguyen', method: 'phone', welfareRating: 4, notes: 'Asked about vegetarian food in Fuzhou; sent him the host family’s note.', hoursAgo: 28 },
      { student: 'Jamal Carter', method: 'in-person', welfareRating: 2, notes: 'Anxious about his first flight and about being away from home for a week; call again tomorrow.', hoursAgo: 6 },
    ],
    incident: {
      type: 'injury', severity: 'low', description: 'Sprained wrist carrying a cello case down the stairs at the last rehearsal; seen by the school nurse, can play with a support.',
      involved: ['Sofia Ramirez'], daysAgo: 2, reportedTo: 'Tacoma Public Schools, student services',
    },
  },
};

/** Records the delegation's demo check-ins and incident as its youth manager (or the organisation's admin). */
export async function seedWelfare(call: Call, gateway: string, token: string, delegationId: string, title: string): Promise<void> {
  const demo = DEMO_WELFARE[title];
  if (!demo) return;
  const existing = await call<{ items: unknown[] }>(gateway, 'GET', `/api/delegations/${delegationId}/check-ins?limit=1`, token);
  if (existing.status !== 200) throw new Error(`GET check-ins of "${title}" answered ${existing.status}`);
  if (existing.body.items.length) {
    process.stdout.write(`[demo] exists: welfare records of "${title}"\n`);
    return;
  }
  const members = await call<{ items: { participantId: string; givenName: string; familyName: string }[] }>(gateway, 'GET', `/api/delegations/${delegationId}/members`, token);
  if (members.status !== 200) throw new Error(`GET members of "${title}" answered ${members.status}`);
  const idOf = (name: string): string => {
    const m = members.body.items.find((x) => `${x.givenName} ${x.familyName}` === name);
    if (!m) throw new Error(`no member ${name} in "${title}"`);
    return m.participantId;
  };
  for (const c of demo.checkIns) {
    const res = await call(gateway, 'POST', `/api/delegations/${delegationId}/check-ins`, token, {
      participantId: idOf(c.student), method: c.method, welfareRating: c.welfareRating, notes: c.notes, checkedAt: new Date(Date.now() - c.hoursAgo * 3600_000).toISOString(),
    });
    if (res.status !== 201) throw new Error(`check-in of ${c.student} answered ${res.status}: ${JSON.stringify(res.body)}`);
    process.stdout.write(`[demo] check-in: ${c.student} (${c.method}, welfare ${c.welfareRating}/5${c.welfareRating <= 2 ? ', welfare alert' : ''})\n`);
  }
  const i = demo.incident;
  if (i) {
    const opened = await call<{ id: string; reportDueAt: string | null }>(gateway, 'POST', '/api/delegations/incidents', token, {
      delegationId, type: i.type, severity: i.severity, description: i.description, participantIds: i.involved.map(idOf), occurredAt: new Date(Date.now() - i.daysAgo * 86_400_000).toISOString(),
    });
    if (opened.status !== 201) throw new Error(`opening the incident of "${title}" answered ${opened.status}: ${JSON.stringify(opened.body)}`);
    if (i.reportedTo) {
      const reported = await call(gateway, 'POST', `/api/delegations/incidents/${opened.body.id}/report`, token, { reportedTo: i.reportedTo });
      if (reported.status !== 200 && reported.status !== 201) throw new Error(`reporting the incident answered ${reported.status}: ${JSON.stringify(reported.body)}`);
    }
    process.stdout.write(`[demo] incident: ${i.type} (${i.severity})${i.reportedTo ? `, reported to ${i.reportedTo}` : ''}\n`);
  }
}
