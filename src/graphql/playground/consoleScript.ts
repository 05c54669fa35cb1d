/**
 * The playground's browser code, plain ES2020 with no dependency: it runs the query against
 * /api/graphql with the page's own session (or a pasted token) and lists the schema's root fields
 * from an introspection query. Inlined in the page and allowed by its hash (playgroundPage.ts).
 */
export const consoleScript = String.raw`
(() => {
  const $ = (id) => document.getElementById(id)
  const endpoint = document.body.dataset.endpoint
  const headers = () => {
    const token = $('token').value.trim()
    const result = { 'content-type': 'application/json' }
    if (token) result.authorization = /^(JWT|Bearer) /.test(token) ? token : 'JWT ' + token
    return result
  }
  const post = async (query, variables) => {
    const response = await fetch(endpoint, { method: 'POST', credentials: 'same-origin', headers: headers(), body: JSON.stringify({ query, variables }) })
    return { status: response.status, body: await response.json().catch(() => null) }
  }
  const run = async () => {
    let variables = {}
    const raw = $('variables').value.trim()
    if (raw) {
      try { variables = JSON.parse(raw) } catch (error) { $('result').textContent = 'Variables: JSON no válido / invalid JSON\n' + error.message; return }
    }
    $('result').textContent = '…'
    const { status, body } = await post($('query').value, variables)
    $('result').textContent = 'HTTP ' + status + '\n' + JSON.stringify(body, null, 2)
  }
  const typeName = (type) => (type ? (type.kind === 'NON_NULL' ? typeName(type.ofType) + '!' : type.kind === 'LIST' ? '[' + typeName(type.ofType) + ']' : type.name) : '')
  const TYPE = 'type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }'
  const INTROSPECTION = '{ __schema { queryType { fields { name description args { name ' + TYPE + ' } ' + TYPE + ' } } mutationType { fields { name description args { name ' + TYPE + ' } ' + TYPE + ' } } } }'
  const listFields = (title, fields) => {
    const section = document.createElement('section')
    const heading = document.createElement('h2')
    heading.textContent = title + ' (' + fields.length + ')'
    section.append(heading)
    const list = document.createElement('ul')
    for (const field of fields) {
      const item = document.createElement('li')
      const name = document.createElement('code')
      name.textContent = field.name + '(' + field.args.map((arg) => arg.name + ': ' + typeName(arg.type)).join(', ') + '): ' + typeName(field.type)
      item.append(name)
      if (field.description) {
        const description = document.createElement('p')
        description.textContent = field.description
        item.append(description)
      }
      list.append(item)
    }
    section.append(list)
    return section
  }
  const loadSchema = async () => {
    const { body } = await post(INTROSPECTION, {})
    const schema = body && body.data && body.data.__schema
    const target = $('schema')
    target.textContent = ''
    if (!schema) { target.textContent = 'Esquema no disponible / Schema unavailable'; return }
    target.append(listFields('Query', schema.queryType.fields))
    if (schema.mutationType) target.append(listFields('Mutation', schema.mutationType.fields))
  }
  $('run').addEventListener('click', run)
  $('refresh-schema').addEventListener('click', loadSchema)
  document.addEventListener('keydown', (event) => { if ((event.ctrlKey || event.metaKey) && event.key === 'Enter') run() })
  loadSchema()
})()
`
