#!/usr/bin/env node
// Creates one PostgreSQL database per service if it does not exist yet (idempotent).
//   PG_ADMIN_URL        a connection with CREATEDB rights (default postgres://postgres@127.0.0.1:5432/postgres)
//   TWINNING_DB_PREFIX  optional prefix in front of every name (e.g. "ci1_" -> ci1_twinning_gateway)
// Usage: node tools/scripts/setup-databases.js [--fresh]   (--fresh drops them first: the browser tests' own system)
'use strict';
const { Client } = require('pg');

const SERVICES = ['gateway', 'delegations', 'host-matching', 'logistics', 'notifications'];
const adminUrl = process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const prefix = process.env.TWINNING_DB_PREFIX || '';

function databaseName(service) {
  return `${prefix}twinning_${service.replace(/-/g, '_')}`;
}

function quoteIdent(name) {
  return `"${name.replace(/"/g, '""')}"`;
}

async function main() {
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10000 });
  await client.connect();
  try {
    for (const service of SERVICES) {
      const name = databaseName(service);
      if (process.argv.includes('--fresh')) {
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        console.log(`[db] ${name} dropped`);
      }
      const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (rowCount > 0) {
        console.log(`[db] ${name} exists`);
        continue;
      }
      try {
        await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
        console.log(`[db] ${name} created`);
      } catch (err) {
        // 42P04 duplicate_database: another process created it in between
        if (err && err.code === '42P04') console.log(`[db] ${name} exists`);
        else throw err;
      }
    }
  } finally {
    await client.end();
  }
}

main().catch((err) => {
  console.error(`[db] failed against ${adminUrl.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}: ${err.message}`);
  process.exit(1);
});
