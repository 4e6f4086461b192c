import type { Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Graceful draining of the HTTP server (CONTRACT.md, Lifecycle): once `drain` is called the
 * listener closes (new connections are refused), requests already received complete, every
 * response from then on carries `Connection: close` (Node closes the connection after it),
 * idle keep-alive connections close at once, and whatever is still open at the deadline
 * (a request that does not finish, a client that never sends the rest of its body, an
 * upgraded WebSocket) is destroyed.
 */
export interface HttpDrain {
  /** True from the moment `drain` is called (/readyz answers 503). */
  readonly draining: boolean;
  /** Resolves once every connection is closed, by its own end or at `deadline` (epoch ms). */
  drain(deadline: number): Promise<DrainOutcome>;
}

export interface DrainOutcome {
  /** Connections still open at the deadline, destroyed. */
  cut: number;
}

export function trackConnections(server: Server): HttpDrain {
  const sockets = new Set<Socket>();
  const responses = new Set<ServerResponse>();
  let draining = false;
  let closeIdleSoon: NodeJS.Immediate | null = null;

  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  // Registered after the app's own listener: it only marks the response, which is written later.
  server.on('request', (_req, res: ServerResponse) => {
    if (draining) res.setHeader('connection', 'close');
    responses.add(res);
    res.once('close', () => {
      responses.delete(res);
      // A response whose headers were sent before the drain began keeps its connection alive: close it now that it is idle.
      if (draining) closeIdleSoon ??= setImmediate(() => ((closeIdleSoon = null), server.closeIdleConnections()));
    });
  });

  return {
    get draining() {
      return draining;
    },
    async drain(deadline) {
      draining = true;
      for (const res of responses) if (!res.headersSent) res.setHeader('connection', 'close');
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()))));
      const outcome = await Promise.race([closed, late]);
      clearTimeout(timer);
      if (outcome !== 'late') return { cut: 0 };
      const cut = sockets.size;
      for (const socket of sockets) socket.destroy();
      await closed;
      return { cut };
    },
  };
}
