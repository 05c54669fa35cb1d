type Operation = Record<string, any>

/**
 * Examples for what a public website calls: the catalogue list, one item, and a registration
 * (request and answer). Hand-written to read well; tests/int/openapi-schemas.int.spec.ts checks them
 * against the schemas and against what the running app answers, so they cannot drift silently.
 */
export const webinarExample = {
  id: 12,
  title: 'Excel para finanzas',
  slug: 'excel-para-finanzas',
  summary: 'Tablas dinámicas y modelos de flujo de caja en 90 minutos.',
  startsAt: '2027-03-04T23:00:00.000Z',
  startsAt_tz: 'America/Lima',
  timezone: 'America/Lima',
  durationMinutes: 90,
  platform: 'zoom',
  isFree: false,
  price: 120,
  currency: 'PEN',
  capacity: 100,
  seatsLeft: 37,
  status: 'published',
  category: 3,
  speakers: [5],
  updatedAt: '2027-02-01T15:20:00.000Z',
  createdAt: '2027-01-20T10:00:00.000Z',
}

export const registrationRequestExample = { email: 'ana.torres@example.org', firstName: 'Ana', lastName: 'Torres', phone: '+51 999 888 777', company: 'Contadores Andinos', marketingConsent: true }

export const registrationAnswerExample = {
  message: 'Registration confirmed.',
  doc: { id: 481, status: 'confirmed', paymentStatus: 'not_required', item: { relationTo: 'webinars', value: 12 }, createdAt: '2027-02-10T18:42:07.000Z' },
}

const page = (docs: unknown[]) => ({ docs, totalDocs: docs.length, limit: 10, totalPages: 1, page: 1, pagingCounter: 1, hasPrevPage: false, hasNextPage: false, prevPage: null, nextPage: null })

/** Adds the examples to the operations they belong to (a path missing here is a bug the tests catch). */
export function addPublicExamples(paths: Record<string, Record<string, Operation>>): void {
  // Hand-written operations share response objects (webinar and course registration answer alike),
  // so each example goes into a copy owned by its operation.
  const set = (operation: Operation | undefined, status: string | null, name: string, summary: string, value: unknown) => {
    const holder = status ? operation?.responses?.[status] : operation?.requestBody
    const media = holder?.content?.['application/json']
    if (!operation || !media) return
    const withExample = { ...holder, content: { ...holder.content, 'application/json': { ...media, examples: { ...media.examples, [name]: { summary, value } } } } }
    if (status) operation.responses = { ...operation.responses, [status]: withExample }
    else operation.requestBody = withExample
  }
  set(paths['/api/webinars']?.get, '200', 'catalogue', 'Published webinars, soonest first (`where[status][equals]=published&sort=startsAt&depth=0`)', page([webinarExample]))
  set(paths['/api/webinars/{id}']?.get, '200', 'webinar', 'One webinar (`depth=0`: relations as ids)', webinarExample)
  for (const [path, relationTo] of [['/api/webinars/{id}/register', 'webinars'], ['/api/courses/{id}/enroll', 'courses']]) {
    set(paths[path]?.post, null, 'person', 'An anonymous visitor registering themselves', registrationRequestExample)
    set(paths[path]?.post, '201', 'confirmed', 'A free item with seats left', { ...registrationAnswerExample, doc: { ...registrationAnswerExample.doc, item: { relationTo, value: 12 } } })
  }
}
