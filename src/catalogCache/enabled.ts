/**
 * `AULA_CATALOG_CACHE=off` (bench only: `bench/catalog-read.ts` measures the uncached read path
 * with it) answers every anonymous catalog read from the database. Read on each request, so a test
 * can switch it for one read; never set it in a deployment.
 */
export const catalogCacheEnabled = (env: NodeJS.ProcessEnv = process.env): boolean => env.AULA_CATALOG_CACHE !== 'off'
