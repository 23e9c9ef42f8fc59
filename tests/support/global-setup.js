// Integration and end-to-end suites need the real broker and database. `npm test` starts
// them (tools/test.sh); this check fails fast with a clear message when they are missing.
const net = require('node:net');

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port), timeout: 3000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

module.exports = async function globalSetup() {
  const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
  const [kHost, kPort] = brokers[0].split(':');
  const db = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/copydesk');
  const missing = [];
  if (!(await reachable(kHost, kPort))) missing.push(`Kafka broker at ${brokers[0]} (KAFKA_BROKERS)`);
  if (!(await reachable(db.hostname, db.port || 5432))) missing.push(`PostgreSQL at ${db.host} (DATABASE_URL)`);
  if (missing.length > 0) {
    throw new Error(`integration tests need ${missing.join(' and ')}; run them through \`npm test\`, which starts both`);
  }
};
