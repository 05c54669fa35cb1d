import type { Payload } from 'payload'

import { getClock } from '../utilities/clock'
import { seedCourseInProgress } from './courseInProgress'
import { dayFromNow, limaEvening } from './demoDates'
import { initialsPortrait } from './portrait'
import { paragraphs } from './richText'

const DAY = 24 * 60 * 60 * 1000

const SPEAKERS = [
  { name: 'Ana Torres', headline: 'Ingeniera de software y docente', company: 'Andes Tech', color: '#2f6f9f', email: 'ana.torres@example.com', phone: '+51 987 654 321', bio: 'Diez años enseñando programación a profesionales que cambian de carrera.' },
  { name: 'Jorge Salazar', headline: 'Consultor en marketing digital', company: 'Salazar & Co.', color: '#9f4f2f', email: 'jorge.salazar@example.com', phone: '+51 912 345 678', bio: 'Ayuda a pymes a vender en línea con campañas medibles.' },
  { name: 'María Núñez', headline: 'Analista de datos', company: 'Datos Claros', color: '#3f8f5f', email: 'maria.nunez@example.com', phone: '+51 955 111 222', bio: 'Especialista en Excel, Power BI y visualización de datos.' },
  // The seeded instructor's own profile (users.ts): logged in as instructor@aula.local, he teaches the course under way.
  { name: 'Carlos Mendoza', headline: 'Instructor de Excel y reportes', company: 'Aula', color: '#6f4f9f', email: 'instructor@aula.local', phone: '+51 944 333 444', bio: 'Enseña Excel aplicado a equipos de ventas y finanzas.', userEmail: 'instructor@aula.local' },
]

const CATEGORIES = [
  { name: 'Programación', slug: 'programacion' },
  { name: 'Marketing', slug: 'marketing' },
  { name: 'Análisis de datos', slug: 'analisis-de-datos' },
]

type Ids = Record<string, number>

/** A realistic Spanish catalog: speakers with photos, categories, four webinars (one already held), two courses ahead and one under way (courseInProgress.ts). */
export async function seedCatalog(payload: Payload): Promise<number> {
  const now = getClock(payload).now()
  let created = 0
  const findOne = async (collection: 'speakers' | 'categories' | 'webinars' | 'courses' | 'media', where: object) =>
    (await payload.find({ collection, where: where as never, limit: 1, depth: 0, trash: true, overrideAccess: true })).docs[0]

  const speakers: Ids = {}
  for (const speaker of SPEAKERS) {
    const existing = await findOne('speakers', { name: { equals: speaker.name } })
    if (existing) {
      speakers[speaker.name] = existing.id as number
      continue
    }
    const filename = `speaker-${speaker.name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '-')}.jpg`
    const photo =
      (await findOne('media', { filename: { equals: filename } })) ??
      (await payload.create({
        collection: 'media',
        overrideAccess: true,
        data: { alt: `Retrato de ${speaker.name}` },
        file: { data: await initialsPortrait(speaker.name, speaker.color), mimetype: 'image/jpeg', name: filename, size: 0 },
      }))
    const user = 'userEmail' in speaker ? (await payload.find({ collection: 'users', where: { email: { equals: speaker.userEmail } }, limit: 1, depth: 0, overrideAccess: true })).docs[0] : undefined
    const doc = await payload.create({
      collection: 'speakers',
      overrideAccess: true,
      data: {
        ...(user ? { user: user.id } : {}),
        name: speaker.name,
        headline: speaker.headline,
        company: speaker.company,
        email: speaker.email,
        phone: speaker.phone,
        bio: paragraphs(speaker.bio) as never,
        photo: photo.id as number,
      },
    })
    speakers[speaker.name] = doc.id
    created += 1
  }

  const categories: Ids = {}
  for (const category of CATEGORIES) {
    const existing = await findOne('categories', { slug: { equals: category.slug } })
    categories[category.slug] = (existing?.id as number) ?? (await payload.create({ collection: 'categories', overrideAccess: true, data: category })).id
    if (!existing) created += 1
  }

  const organizer = await payload.find({ collection: 'users', where: { email: { equals: 'editora@aula.local' } }, limit: 1, overrideAccess: true })
  const organizerId = organizer.docs[0]?.id

  const webinars = [
    {
      slug: 'introduccion-a-la-programacion-con-python',
      title: 'Introducción a la Programación con Python',
      summary: 'Da tus primeros pasos en programación: variables, decisiones y bucles con ejemplos reales.',
      startsAt: limaEvening(now, 10),
      isFree: true,
      capacity: 200,
      category: 'programacion',
      speakers: ['Ana Torres'],
    },
    {
      slug: 'campanas-en-redes-sociales-que-venden',
      title: 'Campañas en redes sociales que venden',
      summary: 'Planifica, mide y optimiza campañas pagadas en Meta e Instagram.',
      startsAt: limaEvening(now, 17),
      isFree: false,
      price: 49,
      currency: 'PEN',
      capacity: 80,
      category: 'marketing',
      speakers: ['Jorge Salazar'],
    },
    {
      slug: 'tablas-dinamicas-en-excel',
      title: 'Tablas dinámicas en Excel',
      summary: 'Resume miles de filas en minutos. Taller práctico con cupos limitados.',
      startsAt: limaEvening(now, 5),
      isFree: true,
      capacity: 4,
      category: 'analisis-de-datos',
      speakers: ['María Núñez'],
    },
    {
      slug: 'git-y-github-para-principiantes',
      title: 'Git y GitHub para principiantes',
      summary: 'Control de versiones sin miedo: commits, ramas y pull requests.',
      startsAt: limaEvening(now, -14),
      isFree: true,
      capacity: 100,
      category: 'programacion',
      speakers: ['Ana Torres', 'María Núñez'],
      // Sent in its follow-up emails (src/followUps); example.com is reserved, git-scm.com is Git's own documentation.
      recordingUrl: 'https://videos.example.com/aula/git-y-github-para-principiantes',
      resources: [
        { label: 'Diapositivas del webinar', url: 'https://example.com/aula/git-y-github/diapositivas.pdf' },
        { label: 'Libro Pro Git (gratuito, en español)', url: 'https://git-scm.com/book/es/v2' },
      ],
    },
  ]
  // Seats are taken by real registrations (activity/), and the past webinar is published until its
  // story has been replayed and staff close it: none of that is written here.
  for (const { category, speakers: names, ...webinar } of webinars) {
    if (await findOne('webinars', { slug: { equals: webinar.slug } })) continue
    await payload.create({
      collection: 'webinars',
      overrideAccess: true,
      depth: 0,
      data: {
        status: 'published',
        timezone: 'America/Lima',
        durationMinutes: 90,
        platform: 'zoom',
        meetingLink: 'https://zoom.us/j/0000000000',
        currency: 'USD',
        description: paragraphs(webinar.summary) as never,
        extraNotes: 'Enviar recordatorio al ponente 24 h antes.',
        organizer: organizerId,
        category: categories[category],
        speakers: names.map((name) => speakers[name]!),
        ...webinar,
      } as never,
    })
    created += 1
  }

  const courses = [
    {
      courseCode: 'PY-101',
      title: 'Programación en Python desde cero',
      summary: 'Un curso práctico de ocho semanas para aprender a programar con Python.',
      objective: 'Escribir programas pequeños y automatizar tareas cotidianas con Python.',
      modality: 'online',
      schedule: 'Martes y jueves de 19:00 a 21:00 (hora de Lima)',
      startDate: dayFromNow(now, 21),
      endDate: dayFromNow(now, 21 + 27),
      capacity: 30,
      regularPrice: 450,
      earlyBirdPrice: 360,
      earlyBirdDeadline: new Date(now.getTime() + 7 * DAY).toISOString(),
      currency: 'PEN',
      category: 'programacion',
      instructors: ['Ana Torres'],
      modules: [
        module(now, 1, 'Fundamentos', 21, 34, ['Variables y tipos', 'Condicionales', 'Bucles']),
        module(now, 2, 'Funciones y datos', 35, 48, ['Funciones', 'Listas y diccionarios', 'Archivos']),
      ],
    },
    {
      courseCode: 'DA-201',
      title: 'Análisis de datos con Excel y Power BI',
      summary: 'De la hoja de cálculo al tablero: limpia, analiza y presenta datos.',
      objective: 'Construir un tablero de indicadores a partir de datos reales de una empresa.',
      modality: 'hybrid',
      location: 'Av. Javier Prado Este 123, San Isidro, Lima',
      schedule: 'Sábados de 9:00 a 13:00',
      startDate: dayFromNow(now, 35),
      endDate: dayFromNow(now, 35 + 20),
      capacity: 20,
      regularPrice: 600,
      currency: 'PEN',
      category: 'analisis-de-datos',
      instructors: ['María Núñez'],
      modules: [
        module(now, 1, 'Excel para análisis', 35, 41, ['Limpieza de datos', 'Tablas dinámicas']),
        module(now, 2, 'Power BI', 42, 55, ['Modelado', 'Visualizaciones', 'Publicación']),
      ],
    },
  ]
  for (const { category, instructors, ...course } of courses) {
    if (await findOne('courses', { courseCode: { equals: course.courseCode } })) continue
    await payload.create({
      collection: 'courses',
      overrideAccess: true,
      depth: 0,
      data: {
        status: 'published',
        description: paragraphs(course.summary) as never,
        category: categories[category],
        instructors: instructors.map((name) => speakers[name]!),
        ...course,
      } as never,
    })
    created += 1
  }
  created += await seedCourseInProgress(payload, now, { instructor: speakers['Carlos Mendoza']!, category: categories['analisis-de-datos']! })
  return created
}

/** A module spanning days `from`–`to` from now, with two evening sessions of two hours. */
function module(now: Date, moduleNumber: number, title: string, from: number, to: number, topics: string[]) {
  return {
    moduleNumber,
    title,
    objective: `Dominar ${title.toLowerCase()}.`,
    hours: 4,
    weekNumber: moduleNumber,
    startDate: dayFromNow(now, from),
    endDate: dayFromNow(now, to),
    topics,
    sessions: [
      { date: limaEvening(now, from), name: `${title}: sesión 1`, durationHours: 2 },
      { date: limaEvening(now, from + 2), name: `${title}: sesión 2`, durationHours: 2 },
    ],
  }
}
