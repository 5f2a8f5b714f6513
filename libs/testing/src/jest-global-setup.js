// Runs once before all test files: checks that the real PostgreSQL and Kafka broker answer, and
// gives the run a unique id (databases and topics of this run are named after it).
const { execFileSync } = require('node:child_process');
const path = require('node:path');
module.exports = async function globalSetup() {
  process.env.TEST_RUN_ID = process.env.TEST_RUN_ID || `r${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
  process.env.KAFKA_BROKERS = process.env.KAFKA_BROKERS || '127.0.0.1:9092';
  // services under test log warnings and errors only (set LOG_LEVEL=info to see every request)
  process.env.LOG_LEVEL = process.env.LOG_LEVEL || 'warn';
  const wait = path.join(__dirname, '..', '..', '..', 'tools', 'kafka', 'wait-for-kafka.js');
  try {
    execFileSync(process.execPath, [wait, process.env.KAFKA_BROKERS.split(',')[0]], { stdio: 'ignore', timeout: 15000 });
  } catch {
    throw new Error(`No Kafka broker answers at ${process.env.KAFKA_BROKERS}. Run the suite with \`npm test\` (it starts one), or start one with tools/kafka/kafka.sh start.`);
  }
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.env.PG_ADMIN_URL || 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await c.connect();
    await c.query('SELECT 1');
  } catch (e) {
    throw new Error(`PostgreSQL does not answer at ${process.env.PG_ADMIN_URL || '127.0.0.1:5432'}: ${e.message}`);
  } finally {
    await c.end().catch(() => undefined);
  }
};
