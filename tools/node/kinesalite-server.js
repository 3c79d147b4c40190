// Starts kinesalite on 127.0.0.1 only (its CLI has no --host option and binds every interface).
// Usage: node kinesalite-server.js <port> [host]   (host defaults to 127.0.0.1; containers pass 0.0.0.0)
'use strict';
const kinesalite = require('kinesalite');

const port = Number(process.argv[2]);
const host = process.argv[3] || '127.0.0.1';
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node kinesalite-server.js <port> [host]');
  process.exit(2);
}
const server = kinesalite({ createStreamMs: 50, deleteStreamMs: 50, updateStreamMs: 50, shardLimit: 100 });
server.listen(port, host, (err) => {
  if (err) {
    console.error(err);
    process.exit(1);
  }
  console.log(`kinesalite listening on ${host}:${port}`);
});
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
