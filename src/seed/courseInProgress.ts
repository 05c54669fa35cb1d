import type { Payload } from 'payload'

import { atClock } from './activity/replay'
import { dayFromNow, limaEvening } from './demoDates'
import { paragraphs } from './richText'

const DAY = 24 * 60 * 60 * 1000

/** The demo's course under way: its code, for the story that fills it (activity/stories.ts). */
export const COURSE_IN_PROGRESS = 'XL-110'

const ROOM = 'Aula 3, Av. Javier Prado Este 123, San Isidro, Lima'
const MEETING = 'https://meet.google.com/aula-demo-xl110'

/**
 * A hybrid course that is running: three sessions behind it (online, in the room, online) and two
 * ahead (one the day after tomorrow in the room, one online later), taught by the seeded instructor
 * (instructor@aula.local's speaker profile), so the roster, the attendance and the reminders have
 * something to show. It is created as staff created it a month ago, with the clock of that day:
 * the product refuses to schedule a new session in the past, and rightly.
 */
export async function seedCourseInProgress(payload: Payload, now: Date, ids: { instructor: number; category: number }): Promise<number> {
  const existing = await payload.count({ collection: 'courses', where: { courseCode: { equals: COURSE_IN_PROGRESS } }, trash: true, overrideAccess: true })
  if (existing.totalDocs > 0) return 0
  const session = (days: number, name: string, where: 'online' | 'room') => ({
    date: limaEvening(now, days),
    name,
    durationHours: 2,
    instructor: ids.instructor,
    ...(where === 'online' ? { modality: 'online', meetingLink: MEETING } : { modality: 'presential', location: ROOM }),
  })
  await atClock(payload, new Date(now.getTime() - 30 * DAY), (req) =>
    payload.create({
      collection: 'courses',
      overrideAccess: true,
      depth: 0,
      req,
      data: {
        courseCode: COURSE_IN_PROGRESS,
        title: 'Excel intermedio para el trabajo',
        summary: 'Fórmulas, tablas dinámicas y gráficos para el día a día de la oficina, en cinco sesiones.',
        objective: 'Preparar reportes mensuales en la mitad del tiempo.',
        description: paragraphs('Cinco sesiones de dos horas: tres en línea y dos en el aula, con ejercicios sobre datos reales.') as never,
        modality: 'hybrid',
        location: ROOM,
        timezone: 'America/Lima',
        schedule: 'Sesiones de 19:00 a 21:00 (hora de Lima), en línea y en el aula',
        startDate: dayFromNow(now, -9),
        endDate: dayFromNow(now, 4),
        capacity: 15,
        regularPrice: 280,
        currency: 'PEN',
        category: ids.category,
        instructors: [ids.instructor],
        status: 'published',
        modules: [
          {
            moduleNumber: 1,
            title: 'Fórmulas y tablas',
            objective: 'Dominar fórmulas y tablas dinámicas.',
            hours: 6,
            weekNumber: 1,
            startDate: dayFromNow(now, -9),
            endDate: dayFromNow(now, -2),
            topics: ['BUSCARX', 'Tablas dinámicas', 'Segmentaciones'],
            sessions: [session(-9, 'Fórmulas que ahorran tiempo', 'online'), session(-6, 'Tablas dinámicas', 'room'), session(-2, 'Segmentaciones y filtros', 'online')],
          },
          {
            moduleNumber: 2,
            title: 'Reportes',
            objective: 'Presentar los datos en un reporte claro.',
            hours: 4,
            weekNumber: 2,
            startDate: dayFromNow(now, 1),
            endDate: dayFromNow(now, 4),
            topics: ['Gráficos', 'Reporte mensual'],
            sessions: [session(1, 'Gráficos que se entienden', 'room'), session(4, 'Tu reporte mensual', 'online')],
          },
        ],
      } as never,
    }),
  )
  return 1
}
