// Exits 0 when the broker at argv[2] answers a metadata request (admin client), 1 otherwise.
const { Kafka, logLevel } = require('kafkajs');
const broker = process.argv[2] || '127.0.0.1:9092';
const kafka = new Kafka({ clientId: 'wait-for-kafka', brokers: [broker], logLevel: logLevel.NOTHING, retry: { retries: 0 }, connectionTimeout: 1000 });
const admin = kafka.admin();
admin.connect()
  .then(() => admin.describeCluster())
  .then((c) => admin.disconnect().then(() => { console.log(`controller ${c.controller}, brokers ${c.brokers.length}`); process.exit(0); }))
  .catch(() => process.exit(1));
