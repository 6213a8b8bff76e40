// Issue 10 baseline: the echo bot a team would start from with the official SDK (CloudAdapter, no auth).
// Usage: PORT=3979 node index.js   (logs nothing per turn)
const http = require('http');
const { CloudAdapter, ConfigurationBotFrameworkAuthentication, ActivityHandler, MessageFactory } = require('botbuilder');

const auth = new ConfigurationBotFrameworkAuthentication({}); // no MicrosoftAppId: no auth, like our development mode
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => { console.error('turn error', error && error.message); };

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(MessageFactory.text(`Echo: ${context.activity.text}`));
      await next();
    });
  }
}
const bot = new EchoBot();

// Plain node http with a JSON body parser instead of restify/express: the least the SDK needs.
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/readyz') { res.writeHead(200); res.end(); return; }
  if (req.method !== 'POST' || req.url !== '/api/messages') { res.writeHead(404); res.end(); return; }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    try { req.body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { res.writeHead(400); res.end(); return; }
    // CloudAdapter.process accepts node's req/res (it calls res.status/send/end when present via a shim).
    const shim = {
      socket: res.socket,
      status(code) { res.statusCode = code; return shim; },
      header(name, value) { res.setHeader(name, value); return shim; },
      send(body) { if (body !== undefined) { res.setHeader('Content-Type', 'application/json'); res.write(typeof body === 'string' ? body : JSON.stringify(body)); } return shim; },
      end() { res.end(); return shim; },
    };
    adapter.process(req, shim, (context) => bot.run(context)).catch((e) => { if (!res.writableEnded) { res.statusCode = 500; res.end(); } console.error(e && e.message); });
  });
});
server.keepAliveTimeout = 65000;
server.listen(Number(process.env.PORT || 3979), '127.0.0.1');
