import fs from 'node:fs'

/** Reads `.env` when present; variables already in the environment win. */
export function loadDotEnv(file = '.env') {
  if (fs.existsSync(file)) process.loadEnvFile(file)
}
