// Preloaded into dynalite (node -r): dynalite rethrows the error of a request whose client hung up mid-way
// ("aborted", ECONNRESET), which ends the process and every table it held in memory. A test that kills a silo
// with requests in flight does exactly that. Log it and carry on; any other uncaught error still ends the process.
'use strict';
process.on('uncaughtException', (err) => {
  if (err && err.code === 'ECONNRESET') {
    console.error(`dynalite: a client closed its connection mid-request (${err.message}); carrying on`);
    return;
  }
  console.error(err);
  process.exit(1);
});
