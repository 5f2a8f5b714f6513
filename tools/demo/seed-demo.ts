/**
 * Loads the demo data through the public API (the gateway), as a coordinator would, so every
 * event flows through the real pipeline. Idempotent: what already exists (by title) is skipped.
 * Usage: node dist/tools/demo/seed-demo.js [gatewayUrl]
 */
interface DemoDelegation { title: string; hostCity: string; startDate: string; endDate: string }

const DELEGATIONS: DemoDelegation[] = [
  // Tacoma, Washington and Fuzhou, Fujian: sister cities since 1994
  { title: 'Tacoma Youth Symphony to Fuzhou', hostCity: 'Fuzhou', startDate: '2027-04-10', endDate: '2027-04-18' },
  { title: 'Fuzhou municipal water engineers visit Tacoma', hostCity: 'Tacoma', startDate: '2027-06-02', endDate: '2027-06-07' },
  // San Diego and Jalalabad: partners since 2004
  { title: 'San Diego civic leaders to Jalalabad', hostCity: 'Jalalabad', startDate: '2027-09-14', endDate: '2027-09-21' },
  { title: 'Jalalabad students exchange in San Diego', hostCity: 'San Diego', startDate: '2027-07-05', endDate: '2027-07-26' },
];

async function main(): Promise<void> {
  const gateway = (process.argv[2] ?? process.env.GATEWAY_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
  const existing = await fetch(`${gateway}/api/delegations?limit=200`).then(async (r) => {
    if (!r.ok) throw new Error(`GET /api/delegations answered ${r.status}: ${await r.text()}`);
    return ((await r.json()) as { items: { title: string }[] }).items.map((d) => d.title);
  });
  for (const d of DELEGATIONS) {
    if (existing.includes(d.title)) {
      process.stdout.write(`[demo] exists: ${d.title}\n`);
      continue;
    }
    const res = await fetch(`${gateway}/api/delegations`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-correlation-id': `demo-seed-${Date.now()}` }, body: JSON.stringify(d) });
    if (res.status !== 201) throw new Error(`creating "${d.title}" answered ${res.status}: ${await res.text()}`);
    const body = (await res.json()) as { id: string };
    process.stdout.write(`[demo] created delegation ${body.id}: ${d.title}\n`);
  }
}

main().catch((e) => {
  process.stderr.write(`[demo] seeding failed: ${(e as Error).message}\n`);
  process.exit(1);
});
