import { PGlite, type Extension } from '@electric-sql/pglite';

// A subpath export, which this project's TypeScript module resolution cannot see; Node resolves it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm') as { pg_trgm: Extension };
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts PGlite behind a local PostgreSQL socket so the ordinary `pg` driver can use it.
 * PGlite is single-connection: callers must keep their pool at one connection.
 * `dataDir` persists the database; without it the database lives in memory.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  // pg_trgm backs member search (see the MemberSearchIndexes migration).
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm } });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const address = server.getServerConn();
  return {
    url: `postgresql://postgres@${address}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
