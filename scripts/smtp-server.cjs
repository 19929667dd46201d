#!/usr/bin/env node
// A loopback SMTP server for tests and the local cluster profile: accepts every message (no TLS, no auth),
// writes each to <dir>/<n>.eml and lists them over HTTP:
//   GET /messages[?to=addr]  -> [{id, receivedAt, from, to, messageId, subject, template, size, session}]
//                               (session: the SMTP connection it came on, one id per connection)
//   GET /messages/<id>/raw   -> the message as received       DELETE /messages -> forget them all
//   GET /healthz             -> {"ok":true}
// usage: smtp-server.cjs --modules DIR --dir DIR [--smtp-port 1025] [--http-port 1080]
'use strict';
const fs = require('fs');
const http = require('http');
const path = require('path');

const args = Object.fromEntries(process.argv.slice(2).reduce((pairs, a, i, all) =>
  (a.startsWith('--') ? [...pairs, [a.slice(2), all[i + 1]]] : pairs), []));
const { SMTPServer } = require(path.join(args.modules, 'smtp-server'));
const dir = args.dir;
const smtpPort = Number(args['smtp-port'] || 1025);
const httpPort = Number(args['http-port'] || 1080);
const maxKept = 10000;
fs.mkdirSync(dir, { recursive: true });

let nextId = 1;
const messages = [];

// RFC 5322 headers: up to the first empty line, continuation lines folded into the previous one.
function headersOf(raw) {
  const end = raw.search(/\r?\n\r?\n/);
  const head = (end < 0 ? raw : raw.slice(0, end)).replace(/\r?\n[ \t]+/g, ' ');
  const headers = {};
  for (const line of head.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  hideSTARTTLS: true,
  size: 10 * 1024 * 1024,
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const raw = Buffer.concat(chunks);
      const headers = headersOf(raw.toString('utf8'));
      const id = nextId++;
      fs.writeFile(path.join(dir, `${id}.eml`), raw, (err) => {
        if (err) return callback(err);
        messages.push({
          id,
          receivedAt: new Date().toISOString(),
          from: session.envelope.mailFrom && session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          messageId: headers['message-id'] || null,
          subject: headers.subject || null,
          template: headers['x-k8shop-template'] || null,
          size: raw.length,
          session: session.id,
        });
        if (messages.length > maxKept) messages.splice(0, messages.length - maxKept);
        callback(null, `queued as ${id}`);
      });
    });
  },
});
smtp.on('error', (err) => console.error('smtp:', err.message));
smtp.listen(smtpPort, '127.0.0.1');

const json = (res, status, body) => {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
};
http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  const raw = url.pathname.match(/^\/messages\/(\d+)\/raw$/);
  if (req.method === 'GET' && url.pathname === '/healthz') return json(res, 200, { ok: true, messages: messages.length });
  if (req.method === 'GET' && url.pathname === '/messages') {
    const to = (url.searchParams.get('to') || '').toLowerCase();
    return json(res, 200, to ? messages.filter((m) => m.to.some((t) => t.toLowerCase() === to)) : messages);
  }
  if (req.method === 'DELETE' && url.pathname === '/messages') { messages.length = 0; return json(res, 200, { ok: true }); }
  if (req.method === 'GET' && raw) {
    const file = path.join(dir, `${raw[1]}.eml`);
    if (!messages.some((m) => m.id === Number(raw[1])) || !fs.existsSync(file)) return json(res, 404, { error: 'not found' });
    res.writeHead(200, { 'Content-Type': 'message/rfc822' });
    return fs.createReadStream(file).pipe(res);
  }
  json(res, 404, { error: 'not found' });
}).listen(httpPort, '127.0.0.1', () => console.log(`smtp 127.0.0.1:${smtpPort}, http 127.0.0.1:${httpPort}, mail in ${dir}`));
