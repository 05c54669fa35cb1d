import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'

const pbkdf2Async = promisify(pbkdf2)

/**
 * The CPU time of Payload's password hash (PBKDF2-SHA256, 25,000 iterations, 512-byte key) spent on
 * a throwaway value: a path that would otherwise skip the hash takes as long as one that does, so
 * timing does not tell whether an account exists.
 */
export const spendPasswordHashTime = async (): Promise<void> => {
  await pbkdf2Async(randomBytes(24), randomBytes(32), 25_000, 512, 'sha256')
}
