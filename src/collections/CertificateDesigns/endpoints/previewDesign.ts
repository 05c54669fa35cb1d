import { APIError, type Endpoint, Forbidden, ValidationError } from 'payload'

import { checkRole } from '../../../access'
import { STAFF_ROLES } from '../../../access/roles'
import { readDesignImages } from '../../../certificates/pdf'
import { designImageProblem } from '../../../certificates/pdf/imageRules'
import { renderCertificate } from '../../../certificates/pdf/render'
import { toResolvedDesign } from '../../../certificates/pdf/resolveDesign'
import { sampleFacts } from '../../../certificates/pdf/sample'
import { certificateVerifyPageUrl } from '../../../certificates/urls'
import { idOf } from '../../../crm/ids'
import { readJsonBody } from '../../../endpoints/readJsonBody'
import { say } from '../../../i18n/say'
import { getClock } from '../../../utilities/clock'
import { DESIGN_IMAGE_FIELDS } from '../hooks/checkDesignImages'
import { wordingErrorFor } from '../validation'

/**
 * `POST /api/certificate-designs/preview` (staff): the design as it stands in the form, unsaved, plus
 * `language` → a sample certificate PDF (inline, never cached). The same checks as saving apply: an
 * unknown `{{variable}}` or an unusable image is a 400 naming its field.
 */
export const previewDesign: Endpoint = {
  path: '/preview',
  method: 'post',
  handler: async (req) => {
    if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para ver la vista previa.', en: 'Log in to see the preview.' }), 401)
    if (!checkRole(STAFF_ROLES, req.user)) throw new Forbidden(req.t)
    const input = await readJsonBody(req)
    const errors: { path: string; message: string }[] = []

    const wording = (input.wording && typeof input.wording === 'object' ? input.wording : {}) as Record<string, Record<string, unknown> | undefined>
    for (const language of ['es', 'en'] as const) {
      for (const part of ['title', 'preamble', 'body'] as const) {
        const text = wording[language]?.[part]
        if (text === undefined || text === null) continue
        const path = `wording.${language}.${part}`
        if (typeof text !== 'string' || text.length > 600) errors.push({ path, message: say(req, { es: 'Texto no válido o demasiado largo.', en: 'Invalid or too long text.' }) })
        else {
          const problem = wordingErrorFor(text, req)
          if (problem) errors.push({ path, message: problem })
        }
      }
    }

    const images: Record<string, unknown> = {}
    for (const field of DESIGN_IMAGE_FIELDS) {
      if (input[field] == null || input[field] === '') continue
      const id = idOf(input[field])
      const media = id == null ? null : (await req.payload.find({ collection: 'media', where: { id: { equals: id } }, depth: 0, limit: 1, pagination: false, overrideAccess: true, req })).docs[0]
      const problem = media ? designImageProblem(media) : { es: 'Esa imagen no existe.', en: 'That image does not exist.' }
      if (problem) errors.push({ path: field, message: say(req, problem) })
      else images[field] = media
    }
    if (errors.length) throw new ValidationError({ collection: 'certificate-designs', errors, req }, req.t)

    const text = (value: unknown, max: number) => (typeof value === 'string' ? value.slice(0, max) : undefined)
    const design = toResolvedDesign({
      id: null,
      signatoryName: text(input.signatoryName, 120),
      signatoryTitle: text(input.signatoryTitle, 120),
      pageSize: input.pageSize,
      orientation: input.orientation,
      accentColor: typeof input.accentColor === 'string' && /^#[0-9a-f]{6}$/i.test(input.accentColor) ? input.accentColor : undefined,
      wording,
      ...images,
    })
    const language = input.language === 'en' ? 'en' : 'es'
    const facts = { ...sampleFacts(language, getClock(req.payload).now()), signatoryName: design.signatoryName, signatoryTitle: design.signatoryTitle }
    const bytes = await renderCertificate(facts, design, await readDesignImages(req.payload, design, req), certificateVerifyPageUrl(req.payload, facts.verificationCode))
    return new Response(Buffer.from(bytes), {
      status: 200,
      headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': 'inline; filename="vista-previa.pdf"', 'Cache-Control': 'no-store' },
    })
  },
}
