// The ceiling: a bare Hono hello-world on the same Node server adapter.
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const app = new Hono();
app.get('/', (c) => c.json({ hello: 'world' }));
const server = serve({ fetch: app.fetch, port: 0 }, (info) =>
  console.log(`PI Studio ready at http://localhost:${info.port}`),
);
process.once('SIGTERM', () => server.close(() => process.exit(0)));
