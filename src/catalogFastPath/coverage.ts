import type { FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

import { fastPathCovers } from '../config/fastPaths'

/**
 * What the webinar fast path was written (and its parity test run) against: every field of the
 * collections an anonymous webinar read shows, with what changes how Payload reads it — its type,
 * `hasMany`, read access, afterRead hooks, `virtual` — and the collections' own read hooks and
 * `defaultPopulate`. Any other config (a field added, access on a field, a new hook) turns the fast
 * path off for that process with a warning, and tests/int/catalog-fast-path.int.spec.ts fails until
 * the fast path is brought up to it and this list updated.
 */
export const WEBINAR_SHAPE_SERVED: readonly string[] = [
  'webinars beforeRead×0 afterRead×0 defaultPopulate=',
  'webinars.title:text',
  'webinars.summary:textarea',
  'webinars.description:richText',
  'webinars.speakers:relationship:many',
  'webinars.category:relationship',
  'webinars.image:upload',
  'webinars.startsAt:date',
  'webinars.startsAt_tz:text',
  'webinars.timezone:text:afterRead×1:virtual',
  'webinars.durationMinutes:number',
  'webinars.platform:select',
  'webinars.meetingLink:text:read-access',
  'webinars.isFree:checkbox',
  'webinars.price:number',
  'webinars.currency:text',
  'webinars.capacity:number',
  'webinars.maxGroupSize:number',
  'webinars.allowBankTransfer:checkbox',
  'webinars.bankTransferHoldDays:number',
  'webinars.recordingUrl:text:read-access',
  'webinars.resources:array:read-access',
  'webinars.followUpDelayHours:number:read-access',
  'webinars.extraNotes:textarea:read-access',
  'webinars.slug:text',
  'webinars.status:select',
  'webinars.organizer:relationship:read-access',
  'webinars.seatsTaken:number',
  'webinars.seatsLeft:number:afterRead×1:virtual',
  'webinars.scheduleSequence:number',
  'webinars.followUp:group:read-access',
  'webinars.emailRulesOff:relationship:many:read-access',
  'webinars.lastEditedBy:relationship:read-access',
  'webinars.searchText:text',
  'webinars.ratingAverage:number',
  'webinars.ratingCount:number',
  'webinars.updatedAt:date',
  'webinars.createdAt:date',
  'webinars.deletedAt:date',
  'speakers beforeRead×0 afterRead×0 defaultPopulate=name,headline,company,photo,linkedinUrl',
  'speakers.name:text',
  'speakers.headline:text',
  'speakers.company:text',
  'speakers.photo:upload',
  'speakers.linkedinUrl:text',
  'categories beforeRead×0 afterRead×0 defaultPopulate=name,slug',
  'categories.name:text',
  'categories.slug:text',
]

const fieldMark = (field: FlattenedField): string => {
  const afterRead = (field as { hooks?: { afterRead?: unknown[] } }).hooks?.afterRead?.length ?? 0
  return [
    field.name,
    field.type,
    'hasMany' in field && field.hasMany ? 'many' : '',
    field.access?.read ? 'read-access' : '',
    afterRead ? `afterRead×${afterRead}` : '',
    'virtual' in field && field.virtual ? 'virtual' : '',
  ]
    .filter(Boolean)
    .join(':')
}

const collectionMarks = (collection: SanitizedCollectionConfig, fieldNames?: readonly string[]): string[] => [
  `${collection.slug} beforeRead×${collection.hooks.beforeRead?.length ?? 0} afterRead×${collection.hooks.afterRead?.length ?? 0} defaultPopulate=${Object.keys(collection.defaultPopulate ?? {}).join(',')}`,
  ...collection.flattenedFields.filter((field) => !fieldNames || fieldNames.includes(field.name)).map((field) => `${collection.slug}.${fieldMark(field)}`),
]

/** The config as the fast path sees it (see WEBINAR_SHAPE_SERVED). */
export function webinarReadShape(payload: Payload): string[] {
  const { webinars, speakers, categories } = payload.collections
  return [
    ...collectionMarks(webinars.config),
    ...collectionMarks(speakers.config, Object.keys(speakers.config.defaultPopulate ?? {})),
    ...collectionMarks(categories.config, Object.keys(categories.config.defaultPopulate ?? {})),
  ]
}

/** Whether this process's config is the one the fast path answers for (checked once per Payload). */
export const fastPathCoversWebinars = (payload: Payload): boolean =>
  fastPathCovers(
    payload,
    'webinars',
    () => webinarReadShape(payload),
    WEBINAR_SHAPE_SERVED,
    'The webinars config is not the one the catalog fast path was written for: Payload answers every webinar read (src/catalogFastPath/coverage.ts).',
  )
