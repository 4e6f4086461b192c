import 'reflect-metadata';
import { Command, CommanderError } from 'commander';
import { AppError } from '../common/errors';
import { ConfigError, loadConfig } from '../config/config';
import { createLogger } from '../config/logger';
import { openBackend, type Backend } from '../app/backend';
import { createDemo } from './demo';

/**
 * The command line for whoever runs the installation (`npm run cli -- <command>`): it opens the
 * same database as the server (DATABASE_URL, or the embedded PGlite under DATA_DIR) and calls
 * the same services. Exit codes: 0 done, 1 refused (a one-line reason, no stack), 2 bad usage,
 * 70 an unexpected failure.
 */
export const EXIT = { ok: 0, refused: 1, usage: 2, internal: 70 } as const;

/** A refusal the operator can act on: printed as one line. */
export class CliRefusal extends Error {}

const NOT_FOUND = (email: string) => new CliRefusal(`no account has the email ${email}`);

/** Runs `work` on a backend opened for this one command, and closes it however the work ends. */
async function withBackend<T>(work: (backend: Backend) => Promise<T>): Promise<T> {
  let config;
  try {
    config = loadConfig({ ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  } catch (error) {
    if (error instanceof ConfigError) throw new CliRefusal(`bad configuration: ${error.message}`);
    throw error;
  }
  const logger = createLogger(config.logLevel);
  let backend: Backend;
  try {
    backend = await openBackend({ config, logger });
  } catch (error) {
    throw new CliRefusal(`cannot open the database: ${(error as Error).message}`);
  }
  try {
    return await work(backend);
  } finally {
    await backend.close();
  }
}

async function userId(backend: Backend, email: string): Promise<string> {
  try {
    return (await backend.services.admin.userByEmail(email)).id;
  } catch (error) {
    if (error instanceof AppError && error.code === 'NOT_FOUND') throw NOT_FOUND(email);
    throw error;
  }
}

export function program(out: (line: string) => void): Command {
  const cli = new Command('orgraph')
    .description('Administer an Orgraph installation: instance administrators, accounts, demo data.')
    .showHelpAfterError('(add --help for usage)')
    .exitOverride();

  const admins = cli.command('admins').description('Instance administrators: they list every organization and account, and may act across them.');
  admins
    .command('grant')
    .argument('<email>', "the account's email")
    .description('Make the account an instance administrator.')
    .action((email: string) =>
      withBackend(async (backend) => {
        await userId(backend, email);
        const changed = await backend.services.admin.setInstanceAdmin(email, true);
        out(changed ? `${email} is now an instance administrator.` : `${email} already is an instance administrator.`);
      }),
    );
  admins
    .command('revoke')
    .argument('<email>', "the account's email")
    .description('Take instance administration away from the account.')
    .action((email: string) =>
      withBackend(async (backend) => {
        await userId(backend, email);
        const changed = await backend.services.admin.setInstanceAdmin(email, false);
        out(changed ? `${email} is no longer an instance administrator.` : `${email} was not an instance administrator.`);
      }),
    );

  const users = cli.command('users').description('Accounts.');
  for (const [verb, disabled] of [
    ['disable', true],
    ['enable', false],
  ] as const) {
    users
      .command(verb)
      .argument('<email>', "the account's email")
      .description(
        disabled
          ? 'Disable the account: its sessions and access tokens stop working at once, and it cannot sign in.'
          : 'Enable a disabled account again (it signs in anew).',
      )
      .action((email: string) =>
        withBackend(async (backend) => {
          const id = await userId(backend, email);
          const user = await backend.services.admin.setDisabled(null, id, disabled);
          out(`${email} is ${user.disabled ? 'disabled' : 'enabled'}.`);
        }),
      );
  }

  cli
    .command('demo')
    .description('Create a demo organization (members in every role, teams, projects, custom roles, pending invitations) and print how to sign in.')
    .option('--password <password>', 'the password of every demo account (default: a random one, printed)')
    .action((options: { password?: string }) => withBackend(async (backend) => out(await createDemo(backend, options.password))));
  return cli;
}

/** Parses and runs one command line; resolves with the exit code. */
export async function run(argv: string[], out = (line: string) => console.log(line), err = (line: string) => console.error(line)): Promise<number> {
  const cli = program(out);
  cli.configureOutput({ writeOut: (text) => out(text.trimEnd()), writeErr: (text) => err(text.trimEnd()) });
  try {
    await cli.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliRefusal) {
      err(`orgraph: ${error.message}`);
      return EXIT.refused;
    }
    if (error instanceof AppError) {
      err(`orgraph: ${error.message}`);
      return EXIT.refused;
    }
    err(`orgraph: unexpected failure: ${(error as Error).stack ?? String(error)}`);
    return EXIT.internal;
  }
}

if (require.main === module) {
  // Closing the embedded database (PGlite) awaits work that holds no handle of its own: without
  // this, Node would find nothing left to do and exit 0 before the command's code is known.
  const alive = setInterval(() => undefined, 60_000);
  void run(process.argv.slice(2)).then((code) => {
    clearInterval(alive);
    process.exit(code);
  });
}
