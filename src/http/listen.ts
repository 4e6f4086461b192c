import { createServer, type Server } from 'node:net';

/** Listens on HOST:PORT, or rejects with the listener's error (EADDRINUSE, EACCES) rather than emitting it. */
export function listen(server: Server, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => reject(error);
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      resolve();
    });
  });
}

/**
 * Fails at once, before the slow part of a start (the database, migrations), when HOST:PORT
 * cannot be listened on: binds it and lets it go. Port 0 (any free port) always can.
 */
export async function checkCanListen(host: string, port: number): Promise<void> {
  if (port === 0) return;
  const probe = createServer();
  await listen(probe, host, port);
  await new Promise((resolve) => probe.close(resolve));
}
