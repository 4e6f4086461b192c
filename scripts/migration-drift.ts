/**
 * Prints the schema changes the entities imply on a freshly migrated database.
 * `--check` exits 1 when there are any (CI); `--generate Name` writes them as a new migration.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../src/config/logger';
import { entities } from '../src/app/modules';
import { openDatabase } from '../src/db/database';

async function main() {
  const args = process.argv.slice(2);
  const database = await openDatabase({ url: process.env.DATABASE_URL ?? null, fresh: true, entities, logger: createLogger('warn') });
  try {
    await database.dataSource.runMigrations();
    const sql = await database.dataSource.driver.createSchemaBuilder().log();
    const up = sql.upQueries.map((q) => q.query);
    const down = sql.downQueries.map((q) => q.query).reverse();
    if (args[0] === '--generate') {
      const name = args[1] ?? 'Change';
      const stamp = Date.now();
      const lines = (qs: string[]) => qs.map((q) => `    await q.query(${JSON.stringify(q)});`).join('\n');
      const file = path.resolve(__dirname, '../../migrations', `${stamp}-${name}.ts`);
      writeFileSync(
        file,
        `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${stamp} implements MigrationInterface {\n  name = '${name}${stamp}';\n\n  async up(q: QueryRunner): Promise<void> {\n${lines(up)}\n  }\n\n  async down(q: QueryRunner): Promise<void> {\n${lines(down)}\n  }\n}\n`,
      );
      console.log(`wrote ${file}`);
    } else if (up.length > 0) {
      console.log(up.join(';\n'));
      if (args[0] === '--check') {
        console.error(`migration drift: ${up.length} pending schema change(s) the entities imply`);
        process.exitCode = 1;
      }
    } else {
      console.log('no migration drift');
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
