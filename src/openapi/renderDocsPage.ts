import { escapeHtml } from '../utilities/escapeHtml'
import type { OpenApiDocument } from './buildOpenApi'

const METHODS = ['get', 'post', 'patch', 'put', 'delete'] as const

/**
 * `/api/docs`: the OpenAPI document as one plain HTML page, rendered on the server with nothing
 * loaded from anywhere else (no CDN, no script). Grouped by tag; each operation lists its
 * parameters, body schema name and responses, with a link to the raw JSON for tools.
 */
export function renderDocsPage(document: OpenApiDocument): string {
  const byTag = new Map<string, string[]>()
  for (const [path, item] of Object.entries<Record<string, any>>(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method]
      if (!operation) continue
      const tag = operation.tags?.[0] ?? 'Other'
      byTag.set(tag, [...(byTag.get(tag) ?? []), renderOperation(method, path, operation)])
    }
  }
  const sections = [...byTag.entries()]
    .map(([tag, operations]) => `<section><h2 id="${escapeHtml(slugOf(tag))}">${escapeHtml(tag)}</h2>${operations.join('')}</section>`)
    .join('')
  const toc = [...byTag.keys()].map((tag) => `<a href="#${escapeHtml(slugOf(tag))}">${escapeHtml(tag)}</a>`).join(' · ')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(document.info.title)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1d1d1f}
h2{border-bottom:1px solid #ddd;padding-bottom:.25rem;margin-top:2.5rem}
details{border:1px solid #e3e3e3;border-radius:6px;margin:.5rem 0;padding:.4rem .75rem}
summary{cursor:pointer}code{background:#f3f3f3;padding:0 .25rem;border-radius:3px}
.m{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase;font-size:.8rem}
.get{color:#1769aa}.post{color:#2e7d32}.patch{color:#a66300}.delete{color:#c62828}.planned{color:#888;font-size:.8rem}
table{border-collapse:collapse}td,th{border:1px solid #e3e3e3;padding:.2rem .5rem;text-align:left;vertical-align:top}
</style></head><body>
<h1>${escapeHtml(document.info.title)} <small>${escapeHtml(document.info.version)}</small></h1>
<p>${escapeHtml(document.info.description ?? '')}</p>
<p>Machine-readable: <a href="openapi.json"><code>/api/openapi.json</code></a> (OpenAPI ${escapeHtml(document.openapi)}). GraphQL playground: <a href="graphql-playground"><code>/api/graphql-playground</code></a>.</p>
<nav>${toc}</nav>
${sections}
</body></html>`
}

function renderOperation(method: string, path: string, operation: Record<string, any>): string {
  const parameters: Record<string, any>[] = operation.parameters ?? []
  const parameterRows = parameters
    .map((parameter) => `<tr><td><code>${escapeHtml(parameter.name)}</code></td><td>${escapeHtml(parameter.in)}</td><td>${parameter.required ? 'yes' : ''}</td><td>${escapeHtml(parameter.description ?? '')}</td></tr>`)
    .join('')
  const body = operation.requestBody?.content
  const bodyText = body ? Object.entries<any>(body).map(([type, media]) => `<code>${escapeHtml(type)}</code> ${escapeHtml(schemaName(media.schema))}`).join(', ') : ''
  const responses = Object.entries<any>(operation.responses ?? {})
    .map(([status, response]) => `<li><code>${escapeHtml(status)}</code> ${escapeHtml(response.description ?? '')}</li>`)
    .join('')
  return `<details data-operation="${escapeHtml(`${method.toUpperCase()} ${path}`)}"><summary><span class="m ${method}">${method}</span> <code>${escapeHtml(path)}</code> — ${escapeHtml(operation.summary ?? '')}${operation['x-aula-planned'] ? ' <span class="planned">(planned)</span>' : ''}</summary>
${operation.description ? `<p>${escapeHtml(operation.description)}</p>` : ''}
${parameterRows ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th></th></tr>${parameterRows}</table>` : ''}
${bodyText ? `<p>Body: ${bodyText}</p>` : ''}
<ul>${responses}</ul></details>`
}

const schemaName = (schema: Record<string, any> | undefined): string =>
  schema?.$ref ? String(schema.$ref).split('/').pop()! : schema?.type ? String(schema.type) : ''

const slugOf = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-')
