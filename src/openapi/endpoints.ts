import type { Endpoint } from 'payload'

import { htmlResponse } from '../endpoints/htmlResponse'
import { buildOpenApi } from './buildOpenApi'
import { renderDocsPage } from './renderDocsPage'

/** `GET /api/openapi.json`: anyone (the API's shape is public; the data stays behind access control). */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req) => Response.json(buildOpenApi(req.payload.config)),
}

/** `GET /api/docs`: the same document as a readable page for frontend developers. */
export const apiDocsEndpoint: Endpoint = {
  path: '/docs',
  method: 'get',
  handler: (req) => htmlResponse(renderDocsPage(buildOpenApi(req.payload.config))),
}
