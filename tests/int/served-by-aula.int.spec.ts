import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import type { Field } from 'payload'

import { createAulaConfig } from '../../src/config/createAulaConfig'
import { readEnv } from '../../src/config/env'
import { renderPlaygroundPage } from '../../src/graphql/playground/playgroundPage'
import { monacoFilePath, monacoFileResponse } from '../../src/vendor/monacoFiles'
import { startTestAula, type TestAula } from '../helpers/aula'

/** The GraphQL playground and the admin's JSON/code editor come from Aula, not from a CDN. */
let aula: TestAula
beforeAll(async () => {
  aula = await startTestAula()
})
afterAll(() => aula?.close())

const editorFields = (fields: Field[]): Field[] =>
  fields.flatMap((field) => {
    if (field.type === 'json' || field.type === 'code') return [field]
    if (field.type === 'tabs') return field.tabs.flatMap((tab) => editorFields(tab.fields))
    if (field.type === 'blocks') return field.blocks.flatMap((block) => editorFields(block.fields))
    return 'fields' in field ? editorFields(field.fields) : []
  })

describe('the JSON and code editor', () => {
  it('every JSON and code field the admin shows edits in the Monaco Aula serves (no field falls back to the CDN loader)', () => {
    const { config } = aula.payload
    const entities = [...config.collections.filter((collection) => !collection.admin?.hidden), ...config.globals.filter((global) => !global.admin?.hidden)]
    const fields = entities.flatMap((entity) => editorFields(entity.fields).map((field) => ({ entity: entity.slug, field })))
    expect(fields.length).toBeGreaterThan(0)
    const notLocal = fields
      .filter(({ field }) => !String((field.admin?.components as { Field?: unknown } | undefined)?.Field ?? '').startsWith('/src/components/codeEditor/'))
      .map(({ entity, field }) => `${entity}.${'name' in field ? field.name : '?'}`)
    expect(notLocal).toEqual([])
  })

  it('Aula serves Monaco’s loader and editor from its own node_modules', async () => {
    const loader = await monacoFileResponse(['loader.js'])
    expect(loader.status).toBe(200)
    expect(loader.headers.get('content-type')).toContain('javascript')
    const main = await monacoFileResponse(['editor', 'editor.main.js'])
    expect(await main.text()).toContain('vs/editor/editor.main')
    expect((await monacoFileResponse(['editor', 'editor.main.css'])).headers.get('content-type')).toContain('text/css')
  })

  it('a path out of Monaco’s folder, or to anything but a script or stylesheet, is a 404', async () => {
    for (const segments of [['..', 'package.json'], ['..', '..', '..', 'package.json'], ['%2e%2e', 'x.js'], ['editor', '..', '..', 'README.md'], ['nope.js'], ['loader.js\0.css']]) {
      expect((await monacoFileResponse(segments)).status).toBe(404)
    }
    expect(monacoFilePath(['..', '..', '..', '..', '.env'])).toBeNull()
  })

  it('the page code that loads Monaco names no other host', () => {
    for (const file of ['src/components/codeEditor/loadLocalMonaco.ts', 'src/components/codeEditor/LocalCodeEditorFields.tsx']) {
      expect(fs.readFileSync(file, 'utf8')).not.toMatch(/https?:\/\//)
    }
  })
})

describe('the GraphQL playground', () => {
  const { html, headers } = renderPlaygroundPage('/api/graphql')

  it('is one page from Aula: no script, style, font or image from another host', () => {
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//)
    expect(html).not.toMatch(/jsdelivr|googleapis|gstatic|unpkg/)
    expect(headers['content-security-policy']).toContain("default-src 'none'")
    expect(headers['content-security-policy']).toContain("connect-src 'self'")
  })

  it('its CSP allows exactly its own inline script and style, by hash', () => {
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]
    const style = html.match(/<style>([\s\S]*?)<\/style>/)![1]
    const hash = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`
    expect(headers['content-security-policy']).toContain(`script-src ${hash(script)}`)
    expect(headers['content-security-policy']).toContain(`style-src ${hash(style)}`)
  })

  it('replaces Payload’s CDN page at /api/graphql-playground and stays off in production', () => {
    const route = fs.readFileSync('src/app/(payload)/api/graphql-playground/route.ts', 'utf8')
    expect(route).toContain('renderPlaygroundPage')
    expect(route).not.toContain('GRAPHQL_PLAYGROUND_GET')
    expect(aula.payload.config.graphQL.disablePlaygroundInProduction).toBe(true)
  })

  it('GRAPHQL_PLAYGROUND=on serves it in production too, with the introspection it lists the schema by; nothing else does', () => {
    const production = { NODE_ENV: 'production', PAYLOAD_SECRET: 'x'.repeat(64), DATABASE_URI: 'postgres://db/aula' }
    const offInProduction = (extra: Record<string, string>) => {
      const graphQL = createAulaConfig({ env: readEnv({ ...production, ...extra }), push: false }).graphQL
      return [graphQL?.disablePlaygroundInProduction, graphQL?.disableIntrospectionInProduction]
    }
    expect(offInProduction({})).toEqual([true, true])
    expect(offInProduction({ GRAPHQL_PLAYGROUND: 'off' })).toEqual([true, true])
    expect(offInProduction({ GRAPHQL_PLAYGROUND: 'on' })).toEqual([false, false])
  })

  it('the introspection its schema list sends runs within the query cost bounds', async () => {
    const script = html.match(/<script>([\s\S]*?)<\/script>/)![1]
    const type = 'type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
    expect(script).toContain(type)
    const query = `{ __schema { queryType { fields { name description args { name ${type} } ${type} } } mutationType { fields { name description args { name ${type} } ${type} } } } }`
    const response = await aula.api.graphql(query, {})
    expect(response.body.errors).toBeUndefined()
    expect(response.body.data.__schema.queryType.fields.map((field: { name: string }) => field.name)).toContain('Webinars')
  })
})
