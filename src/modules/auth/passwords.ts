import argon2 from 'argon2';

/** OWASP's argon2id baseline: m=19456 KiB, t=2, p=1. */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => argon2.hash(password, OPTIONS);

/** A hash to verify against when no account matches, so a failed login takes the same time either way. */
let decoy: Promise<string> | null = null;

export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  decoy ??= hashPassword('decoy password for timing');
  const ok = await argon2.verify(hash ?? (await decoy), password).catch(() => false);
  return hash !== null && ok;
}
