import path from 'node:path'
import { s3Storage } from '@payloadcms/storage-s3'
import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import type { S3Settings } from '../config/env'

/**
 * Uploads of every upload collection go to S3-compatible storage when `S3_BUCKET` is set, so any
 * number of app instances and workers share them; otherwise they stay on local disk (MEDIA_DIR).
 * Files are still served through `/api/<collection>/file/<name>`, so each collection's read access
 * decides who gets them (the bucket can stay private). The `prefix` column exists with or without S3,
 * so both share one schema; each document keeps the prefix it was stored under (and Payload only
 * serves `?prefix=` values that match a readable document's).
 */
export function mediaStorage(s3: S3Settings | null, collections: CollectionConfig[]): Plugin {
  const uploadCollections = collections.filter((collection) => collection.upload).map((collection) => collection.slug)
  const storage = s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    bucket: s3?.bucket ?? '',
    // Filenames are unique per collection only: each collection keeps its objects under its own key prefix.
    // On disk the prefix stays empty, so rows moved to a bucket later are found under the collection's prefix.
    collections: Object.fromEntries(uploadCollections.map((slug) => [slug, { prefix: s3 ? path.posix.join(s3.prefix, slug) : undefined }])),
    config: {
      endpoint: s3?.endpoint,
      region: s3?.region,
      credentials: s3?.credentials,
      forcePathStyle: s3?.forcePathStyle,
    },
  })
  return async (config) => lockPrefixField(await storage(config), uploadCollections)
}

/**
 * The object key is `<prefix>/<filename>` with the document's `prefix`, and the plugin leaves that
 * field writable: an editor could send `prefix: "production/certificates"` and overwrite any object
 * in the bucket. Only the plugin's default (the collection's prefix) may set it.
 */
const lockPrefixField = (config: Config, slugs: string[]): Config => ({
  ...config,
  collections: config.collections?.map((collection) =>
    slugs.includes(collection.slug)
      ? { ...collection, fields: collection.fields.map((field): Field => ('name' in field && field.name === 'prefix' ? lockedPrefix(field) : field)) }
      : collection,
  ),
})

// An S3 key is at most 1,024 bytes; the bound also keeps the column within every text-length rule.
const lockedPrefix = (field: Field): Field => ({ ...field, maxLength: 1024, access: { create: () => false, update: () => false } }) as Field
