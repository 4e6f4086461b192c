/**
 * The embedded PGlite (the default without DATABASE_URL) serves every machine, so this runs
 * with or without DATABASE_URL: its socket drops the connection after a failed named prepared
 * statement, so hot reads (preparedRows) run there as plain statements, and a failed read leaves
 * the connection usable.
 */
import { createLogger } from '../src/config/logger';
import { openDatabase, type Database } from '../src/db/database';
import { preparedRows, sqlRows } from '../src/db/sql';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ url: null, fresh: true, entities: [], logger: createLogger('silent') });
});
afterAll(() => database.close());

it('answers again after a hot read fails', async () => {
  const em = database.dataSource.manager;
  await sqlRows(em, 'CREATE TABLE shelf (item int)');
  await sqlRows(em, 'INSERT INTO shelf VALUES (1), (2)');
  const read = () => preparedRows<{ items: number }>(em, 'SELECT count(*)::int AS items FROM shelf WHERE item > $1', [0]);
  expect(await read()).toEqual([{ items: 2 }]);
  await sqlRows(em, 'ALTER TABLE shelf RENAME TO shelf_away');
  await expect(read()).rejects.toThrow(/shelf/);
  expect(await sqlRows(em, 'SELECT 1 AS one')).toEqual([{ one: 1 }]);
  await sqlRows(em, 'ALTER TABLE shelf_away RENAME TO shelf');
  expect(await read()).toEqual([{ items: 2 }]);
});
