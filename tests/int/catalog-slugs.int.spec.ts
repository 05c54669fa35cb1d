import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'

import { startTestAula, type TestAula } from '../helpers/aula'
import { courseData, errorPaths, webinarData } from '../helpers/catalog'

let aula: TestAula
let editor: { token: string }

beforeAll(async () => {
  aula = await startTestAula()
  editor = await aula.createUser(['editor'])
})

afterAll(async () => {
  await aula.close()
})

const countWebinars = async () => (await aula.payload.count({ collection: 'webinars', overrideAccess: true, trash: true })).totalDocs

describe('slugs', () => {
  it('are generated from the title with Spanish accents and ñ folded to ASCII', async () => {
    const response = await aula.api.post('/webinars', webinarData({ title: 'Introducción a la Programación' }), { token: editor.token })
    expect(response.status).toBe(201)
    expect(response.body.doc.slug).toBe('introduccion-a-la-programacion')
    const course = await aula.api.post('/courses', courseData({ title: 'Diseño de Señales' }), { token: editor.token })
    expect(course.body.doc.slug).toBe('diseno-de-senales')
  })

  it('get a numbered suffix when a generated slug is already taken', async () => {
    const second = await aula.api.post('/webinars', webinarData({ title: 'Introducción a la programación' }), { token: editor.token })
    expect(second.status).toBe(201)
    expect(second.body.doc.slug).toBe('introduccion-a-la-programacion-2')
    const third = await aula.api.post('/webinars', webinarData({ title: 'INTRODUCCIÓN A LA PROGRAMACIÓN' }), { token: editor.token })
    expect(third.body.doc.slug).toBe('introduccion-a-la-programacion-3')
  })

  it('can be typed by staff, and a typed slug that is taken is refused naming slug', async () => {
    const typed = await aula.api.post('/webinars', webinarData({ title: 'Otro', slug: 'Mi Webinar Especial' }), { token: editor.token })
    expect(typed.status).toBe(201)
    expect(typed.body.doc.slug).toBe('mi-webinar-especial')

    const before = await countWebinars()
    const clash = await aula.api.post('/webinars', webinarData({ title: 'Distinto', slug: 'introduccion-a-la-programacion' }), { token: editor.token })
    expect([400, 409]).toContain(clash.status)
    expect(errorPaths(clash.body)).toContain('slug')
    expect(await countWebinars()).toBe(before)

    const update = await aula.api.patch(`/webinars/${typed.body.doc.id}`, { slug: 'introduccion-a-la-programacion' }, { token: editor.token })
    expect([400, 409]).toContain(update.status)
    expect(errorPaths(update.body)).toContain('slug')
  })

  it('stay the same when the title changes later', async () => {
    const created = await aula.api.post('/webinars', webinarData({ title: 'Título original' }), { token: editor.token })
    const updated = await aula.api.patch(`/webinars/${created.body.doc.id}`, { title: 'Título nuevo' }, { token: editor.token })
    expect(updated.body.doc.slug).toBe('titulo-original')
  })
})

describe('course codes', () => {
  it('are unique: a second course with the same code is refused naming courseCode', async () => {
    const first = await aula.api.post('/courses', courseData({ courseCode: 'PY-101' }), { token: editor.token })
    expect(first.status).toBe(201)
    const before = (await aula.payload.count({ collection: 'courses', overrideAccess: true })).totalDocs
    const clash = await aula.api.post('/courses', courseData({ courseCode: 'py-101' }), { token: editor.token })
    expect([400, 409]).toContain(clash.status)
    expect(errorPaths(clash.body)).toContain('courseCode')
    expect((await aula.payload.count({ collection: 'courses', overrideAccess: true })).totalDocs).toBe(before)
  })
})
