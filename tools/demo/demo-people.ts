/**
 * Demo people (issues #3 and #7): a coordinator, a youth programme manager and the hosts of the demo families in each
 * organisation, invited through the API like real users. The invitation email arrives in the local SMTP sink, in the
 * invitee's language; the seed reads the accept link from that email and accepts it, as the person would. Idempotent:
 * someone already a member is kept. Without the sink (SMTP_SINK_HTTP_PORT unset) only the admins exist. One new person
 * then forgets their password: the reset email (in their language) arrives in the sink too, and its link sets it again.
 */
import { Call, until } from './demo-support';

export const DEMO_PASSWORD_PEOPLE = process.env.DEMO_PEOPLE_PASSWORD ?? 'twinning-demo-person';

interface DemoPerson { email: string; name: string; roles: string[]; language: string; hostOf?: string; disabled?: boolean; forgetsPassword?: boolean }

/**
 * By organisation admin. `hostOf` names the demo family (demo-families.ts) the person hosts; `disabled`: a volunteer who left, whose account the
 * admin disabled; `forgetsPassword`: uses "forgot password" once, right after joining.
 */
export const DEMO_PEOPLE: Record<string, DemoPerson[]> = {
  'admin@tacoma.example': [
    { email: 'coordinator@tacoma.example', name: 'Jordan Ellis', roles: ['coordinator'], language: 'en' },
    { email: 'youth@tacoma.example', name: 'Priya Raman', roles: ['youth-manager'], language: 'en' },
    { email: 'former.volunteer@tacoma.example', name: 'Sam Porter', roles: ['coordinator'], language: 'en', disabled: true },
  ],
  'admin@fuzhou.example': [
    { email: 'coordinator@fuzhou.example', name: 'Zheng Yu', roles: ['coordinator'], language: 'zh-CN' },
    { email: 'chen.hong@fuzhou.example', name: 'Chen Hong', roles: ['host'], language: 'zh-CN', hostOf: 'Lin' },
    { email: 'wang.fang@fuzhou.example', name: 'Wang Fang', roles: ['host'], language: 'zh-CN', hostOf: 'Wang' },
  ],
  'admin@sandiego.example': [
    { email: 'coordinator@sandiego.example', name: 'Dana Brooks', roles: ['coordinator'], language: 'en' },
    { email: 'maria.garcia@sandiego.example', name: 'Maria Garcia', roles: ['host'], language: 'es', hostOf: 'Garcia', forgetsPassword: true },
  ],
};

interface SinkMessage { to?: string | string[]; rcptTo?: string[]; text?: string }

/** Invites the organisation's demo people not yet members and accepts each invitation from its email; returns email → user id. */
export async function seedPeople(call: Call, gateway: string, admin: string, token: string, organisationId: string): Promise<Record<string, string>> {
  const sinkPort = process.env.SMTP_SINK_HTTP_PORT;
  const members = await call<{ items: { userId: string; email: string }[] }>(gateway, 'GET', `/api/identity/organisations/${organisationId}/members`, token);
  if (members.status !== 200) throw new Error(`GET members of ${admin}'s organisation answered ${members.status}`);
  const ids: Record<string, string> = Object.fromEntries(members.body.items.map((m) => [m.email, m.userId]));
  if (!sinkPort) return ids;
  for (const p of DEMO_PEOPLE[admin] ?? []) {
    if (ids[p.email]) {
      await disableIfLeft(call, gateway, token, organisationId, p, ids[p.email]);
      continue;
    }
    const invited = await call(gateway, 'POST', `/api/identity/organisations/${organisationId}/invitations`, token, { email: p.email, name: p.name, roles: p.roles, language: p.language });
    if (invited.status !== 201) throw new Error(`inviting ${p.email} answered ${invited.status}: ${JSON.stringify(invited.body)}`);
    // the notifications service sends the invitation by email; read the link from the sink, as the invitee would
    const link = await tokenFromEmail(sinkPort, p.email, 'accept-invitation', `the invitation email to ${p.email}`);
    const accepted = await call<{ userId: string }>(gateway, 'POST', '/api/identity/invitations/accept', null, { token: decodeURIComponent(link), name: p.name, password: DEMO_PASSWORD_PEOPLE, language: p.language });
    if (accepted.status !== 200 && accepted.status !== 201) throw new Error(`accepting ${p.email}'s invitation answered ${accepted.status}: ${JSON.stringify(accepted.body)}`);
    ids[p.email] = accepted.body.userId;
    process.stdout.write(`[demo] ${p.name} <${p.email}> (${p.roles.join(', ')}, ${p.language}) accepted the invitation from the email\n`);
    if (p.forgetsPassword) await resetPasswordFromEmail(call, gateway, sinkPort, p);
    await disableIfLeft(call, gateway, token, organisationId, p, ids[p.email]);
  }
  return ids;
}

/** The token of the newest email to `email` whose link goes to the web app's `page` (read from the sink, as the person would). */
function tokenFromEmail(sinkPort: string, email: string, page: string, what: string): Promise<string> {
  return until(what, async () => {
    const res = await fetch(`http://127.0.0.1:${sinkPort}/messages`);
    const body = (await res.json()) as SinkMessage[] | { items?: SinkMessage[]; messages?: SinkMessage[] };
    const all = Array.isArray(body) ? body : (body.items ?? body.messages ?? []);
    const link = new RegExp(`/${page}\\?token=([^\\s&"<>]+)`);
    const mail = all.filter((m) => JSON.stringify(m.to ?? m.rcptTo ?? '').includes(email) && link.test(m.text ?? '')).at(-1);
    return mail ? link.exec(mail.text ?? '')?.[1] : undefined;
  }, 90000);
}

/** "Forgot password": the same answer as for any address; the reset email in the person's language; its link sets the demo password again. */
async function resetPasswordFromEmail(call: Call, gateway: string, sinkPort: string, p: DemoPerson): Promise<void> {
  const asked = await call(gateway, 'POST', '/api/identity/password-reset', null, { email: p.email });
  if (asked.status !== 202) throw new Error(`asking for ${p.email}'s password reset answered ${asked.status}: ${JSON.stringify(asked.body)}`);
  const token = await tokenFromEmail(sinkPort, p.email, 'reset-password', `the password reset email to ${p.email}`);
  const reset = await call(gateway, 'POST', '/api/identity/password-reset/confirm', null, { token: decodeURIComponent(token), password: DEMO_PASSWORD_PEOPLE });
  if (reset.status !== 204) throw new Error(`resetting ${p.email}'s password answered ${reset.status}: ${JSON.stringify(reset.body)}`);
  process.stdout.write(`[demo] ${p.name} <${p.email}> forgot the password and chose it again from the reset email (${p.language})\n`);
}

/** A person who left: the admin disables the account (idempotent), so the admin page shows a disabled member and their sign-in is refused. */
async function disableIfLeft(call: Call, gateway: string, token: string, organisationId: string, p: DemoPerson, userId: string): Promise<void> {
  if (!p.disabled) return;
  const res = await call<{ disabled: boolean }>(gateway, 'POST', `/api/identity/organisations/${organisationId}/members/${userId}/disable`, token);
  if (res.status !== 200) throw new Error(`disabling ${p.email} answered ${res.status}: ${JSON.stringify(res.body)}`);
}

/** The host user ids of a demo family (by name). */
export function hostsOf(admin: string, familyName: string, ids: Record<string, string>): string[] {
  return (DEMO_PEOPLE[admin] ?? []).filter((p) => p.hostOf === familyName && ids[p.email]).map((p) => ids[p.email]);
}
