import { ValidationError, type CollectionBeforeOperationHook } from 'payload'

import { maxUploadBytes } from './limits'
import { say } from '../../i18n/say'

/**
 * The multipart parser stops reading one byte past the limit and marks the file truncated; turn
 * that into a 400 naming `file` before anything is resized or written to disk.
 */
export const rejectOversizeUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  const limit = maxUploadBytes()
  if (file && ((file as { truncated?: boolean }).truncated || file.size > limit)) {
    throw new ValidationError({
      collection: 'media',
      errors: [{ path: 'file', message: say(req, { es: `El archivo supera el límite de ${Math.round(limit / 1024 / 1024)} MB.`, en: `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.` }) }],
      req,
    }, req.t)
  }
  return args
}
