// Integration and end-to-end suites need the real broker and database. `npm test` starts
// them (tools/test.sh); this check fails fast with a clear message when they are missing.
const net = require('node:net');
// Jest's module mapping does not apply here yet, so the configuration library is loaded by path
// (ts-jest compiles it); its class reads and validates the variables as the services do.
const { brokerList, CommonConfig, loadConfig } = require('../../libs/config/src');

function reachable(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port: Number(port), timeout: 3000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

module.exports = async function globalSetup() {
  const config = loadConfig(CommonConfig);
  const brokers = brokerList(config);
  const [kHost, kPort] = brokers[0].split(':');
  const db = new URL(config.DATABASE_URL);
  const missing = [];
  if (!(await reachable(kHost, kPort))) missing.push(`Kafka broker at ${brokers[0]} (KAFKA_BROKERS)`);
  if (!(await reachable(db.hostname, db.port || 5432))) missing.push(`PostgreSQL at ${db.host} (DATABASE_URL)`);
  if (missing.length > 0) {
    throw new Error(`integration tests need ${missing.join(' and ')}; run them through \`npm test\`, which starts both`);
  }
};
