import type { CollectionConfig } from 'payload'

import { anyone, isContentEditor } from '../../access'
import { answerMissingFileWith404 } from './answerMissingFileWith404'
import { MEDIA_MIME_TYPES } from './limits'
import { rejectOversizeUpload } from './rejectOversizeUpload'

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { es: 'Archivo', en: 'Media file' },
    plural: { es: 'Archivos', en: 'Media' },
  },
  admin: {
    group: { es: 'Catálogo', en: 'Catalog' },
    defaultColumns: ['filename', 'alt', 'mimeType', 'filesize'],
  },
  access: {
    // Published pages embed these images, so the files are public; only editors change them.
    read: anyone,
    create: isContentEditor,
    update: isContentEditor,
    delete: isContentEditor,
  },
  hooks: { beforeOperation: [rejectOversizeUpload] },
  upload: {
    // The config factory points this at MEDIA_DIR.
    staticDir: 'media',
    // GET /api/media/file/<a name no document holds>: 404 (Payload answers 500 when the disk has no such file).
    handlers: [answerMissingFileWith404],
    mimeTypes: MEDIA_MIME_TYPES,
    focalPoint: true,
    adminThumbnail: 'thumbnail',
    imageSizes: [
      { name: 'thumbnail', width: 300, height: 300, position: 'centre' },
      { name: 'card', width: 768, height: 432, position: 'centre' },
      { name: 'hero', width: 1920, height: 1080, position: 'centre', withoutEnlargement: true },
    ],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      required: true,
      maxLength: 300,
      label: { es: 'Texto alternativo', en: 'Alt text' },
      admin: {
        description: {
          es: 'Describe la imagen para quien no puede verla (lectores de pantalla, buscadores).',
          en: 'Describe the image for people who cannot see it (screen readers, search engines).',
        },
      },
    },
  ],
}
