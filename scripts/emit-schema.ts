/** Writes schema.graphql from the code; `--check` fails when the committed file differs. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { schemaSdl } from '../src/app/schema';

async function main() {
  const file = path.resolve(__dirname, '../../schema.graphql');
  const sdl = await schemaSdl();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(file, 'utf8');
    if (committed !== sdl) {
      console.error('schema.graphql is out of date: run `npm run schema` and commit it.');
      process.exit(1);
    }
    console.log('schema.graphql is up to date');
    return;
  }
  writeFileSync(file, sdl);
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
