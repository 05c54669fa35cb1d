import { COURSE_IN_PROGRESS } from '../courseInProgress'
import type { ParticipantKey } from './people'

export type ItemKey = { collection: 'webinars'; slug: string } | { collection: 'courses'; courseCode: string }

export type Action =
  /** Registers through the website's path; `pay`: then pays at once (a paid item), as Stripe reports it. */
  | { do: 'register'; who: ParticipantKey; pay?: boolean }
  /** The person cancels (their cancel link / staff's cancel button: the same engine function). */
  | { do: 'cancel'; who: ParticipantKey; reason: string }
  /** An admin refunds the payment; Stripe confirms with `charge.refunded`. */
  | { do: 'refund'; who: ParticipantKey }
  /** Staff check off who came, after the webinar. */
  | { do: 'attend'; who: ParticipantKey[] }
  /** The participant rates the webinar from their account. */
  | { do: 'rate'; who: ParticipantKey; rating: number; comment: string }
  /** Staff close the webinar once it is over. */
  | { do: 'complete' }
  /**
   * The course instructor saves a session's roster (or imports the online platform's report, with
   * minutes): the people named came, every other confirmed student is marked absent.
   */
  | { do: 'takeRoll'; session: number; present: ParticipantKey[]; source: 'roster' | 'import'; minutes?: Partial<Record<ParticipantKey, number>> }
  /**
   * The scheduled jobs that ran at that moment: course statuses, the rolling session-reminder planner,
   * the follow-ups due after an item's end, and the certificates completion queued (issueCertificate jobs).
   */
  | { do: 'runJob'; job: 'courseStatuses' | 'sessionReminders' | 'followUps' | 'certificates' }
  /** Staff issue a certificate by hand (the admin's "Emitir certificado"), with the note the form asks for. */
  | { do: 'issueCertificate'; who: ParticipantKey; note: string }
  /** Staff revoke the person's valid certificate, saying why (the verification page then says "revoked"). */
  | { do: 'revokeCertificate'; who: ParticipantKey; reason: string }

/** When a step happened: days from the story's origin, or minutes from the start of one of the course's sessions (0 = the first). */
export type StepTime = { day: number } | { session: number; minutes: number }

export interface Story {
  item: ItemKey
  /** Days are counted from the seed's "now", or from the item's start (a past item's history). */
  from: 'now' | 'start'
  /** Steps later than the seed's "now" are not history yet: they are left out (the real worker does them). */
  steps: (StepTime & { action: Action })[]
}

/**
 * What happened to each demo item, in the order it happened. Every number the dashboard shows
 * comes out of these steps: Excel full with someone on the waiting list (another one promoted
 * after a cancellation), Python filling up, the paid marketing webinar with a refund, a past Git
 * webinar with attendance, follow-ups, ratings and certificates (one revoked), paid course enrollments (early bird and regular), and a
 * course under way with three sessions' attendance and the next sessions' reminders queued.
 * Kept small on purpose: each step runs the product's real code (and each new person costs a
 * password hash), and the seed runs on every `npm run dev`.
 */
export const STORIES: Story[] = [
  {
    item: { collection: 'webinars', slug: 'tablas-dinamicas-en-excel' },
    from: 'now',
    steps: [
      { day: -12, action: { do: 'register', who: 'camila' } },
      { day: -11.5, action: { do: 'register', who: 'andres' } },
      { day: -9, action: { do: 'register', who: 'valentina' } },
      { day: -6, action: { do: 'register', who: 'sebastian' } },
      { day: -5, action: { do: 'register', who: 'daniela' } },
      { day: -4, action: { do: 'cancel', who: 'andres', reason: 'Tiene otro compromiso ese día.' } },
      { day: -1, action: { do: 'register', who: 'renato' } },
    ],
  },
  {
    item: { collection: 'webinars', slug: 'introduccion-a-la-programacion-con-python' },
    from: 'now',
    steps: [
      { day: -20, action: { do: 'register', who: 'camila' } },
      { day: -10, action: { do: 'register', who: 'sofia' } },
      { day: -7, action: { do: 'register', who: 'fernando' } },
      { day: -3, action: { do: 'register', who: 'gabriela' } },
      { day: -2, action: { do: 'cancel', who: 'fernando', reason: 'Se inscribió por error.' } },
    ],
  },
  {
    item: { collection: 'webinars', slug: 'campanas-en-redes-sociales-que-venden' },
    from: 'now',
    steps: [
      { day: -10, action: { do: 'register', who: 'sebastian', pay: true } },
      { day: -8, action: { do: 'register', who: 'gabriela', pay: true } },
      { day: -3, action: { do: 'refund', who: 'gabriela' } },
      { day: -1, action: { do: 'register', who: 'renato', pay: true } },
    ],
  },
  {
    item: { collection: 'webinars', slug: 'git-y-github-para-principiantes' },
    from: 'start',
    steps: [
      { day: -20, action: { do: 'register', who: 'camila' } },
      { day: -15, action: { do: 'register', who: 'andres' } },
      { day: -14, action: { do: 'register', who: 'valentina' } },
      { day: -10, action: { do: 'register', who: 'daniela' } },
      { day: -6, action: { do: 'register', who: 'renato' } },
      { day: -5, action: { do: 'register', who: 'gabriela' } },
      { day: -4, action: { do: 'register', who: 'fernando' } },
      { day: -2, action: { do: 'cancel', who: 'fernando', reason: 'Viaje de trabajo.' } },
      // It ran 90 minutes. Four of the six confirmed came (a 67 % show rate on the dashboard): staff
      // record it soon after the end, before the follow-ups are due (end + 2 h), so nothing waits on hold.
      { day: 0.1, action: { do: 'attend', who: ['camila', 'valentina', 'daniela', 'renato'] } },
      // Attending completes a webinar: the worker issues the four certificates completion queued.
      { day: 0.101, action: { do: 'runJob', job: 'certificates' } },
      // End + 2 h: thanks with the recording and the feedback link to the four, the recording to the two who missed it.
      { day: 0.15, action: { do: 'runJob', job: 'followUps' } },
      { day: 0.25, action: { do: 'complete' } },
      // Ratings through the feedback link of the thank-you email.
      { day: 0.4, action: { do: 'rate', who: 'renato', rating: 4, comment: 'Buen ritmo; los ejemplos de ramas me sirvieron.' } },
      { day: 1, action: { do: 'rate', who: 'camila', rating: 5, comment: 'Muy claro y práctico.' } },
      { day: 1.2, action: { do: 'rate', who: 'valentina', rating: 4, comment: 'Me hubiera gustado más tiempo para preguntas.' } },
      // Gabriela missed it; staff issued hers by hand, then revoked it: the quiz she sent was another webinar's.
      { day: 2, action: { do: 'issueCertificate', who: 'gabriela', note: 'Vio la grabación completa y envió el cuestionario final.' } },
      { day: 3, action: { do: 'revokeCertificate', who: 'gabriela', reason: 'Emitido por error: el cuestionario que envió era de otro webinar.' } },
    ],
  },
  {
    item: { collection: 'courses', courseCode: 'PY-101' },
    from: 'now',
    steps: [
      { day: -6, action: { do: 'register', who: 'valentina', pay: true } },
      { day: -1, action: { do: 'register', who: 'sofia', pay: true } },
    ],
  },
  {
    item: { collection: 'courses', courseCode: 'DA-201' },
    from: 'now',
    steps: [{ day: -3, action: { do: 'register', who: 'fernando', pay: true } }],
  },
  {
    // The course under way (courseInProgress.ts): five sessions of two hours, three already held.
    item: { collection: 'courses', courseCode: COURSE_IN_PROGRESS },
    from: 'now',
    steps: [
      { day: -25, action: { do: 'register', who: 'camila', pay: true } },
      { day: -21, action: { do: 'register', who: 'daniela', pay: true } },
      { day: -16, action: { do: 'register', who: 'renato', pay: true } },
      { day: -12, action: { do: 'register', who: 'sofia', pay: true } },
      // The planner (every 15 minutes) queues each session's reminders two days ahead; the worker sends them on time.
      ...[0, 1, 2].map((session) => ({ session, minutes: -47 * 60, action: { do: 'runJob', job: 'sessionReminders' } as const })),
      // Its latest run, a moment ago: the next session (within two days) has its reminders queued.
      { day: 0, action: { do: 'runJob', job: 'sessionReminders' } },
      { session: 0, minutes: 1, action: { do: 'runJob', job: 'courseStatuses' } },
      // Online: the meeting platform's report, with minutes. In the room: the instructor's roster.
      { session: 0, minutes: 135, action: { do: 'takeRoll', session: 0, source: 'import', present: ['camila', 'daniela', 'renato', 'sofia'], minutes: { camila: 118, daniela: 95, renato: 120, sofia: 110 } } },
      { session: 1, minutes: 125, action: { do: 'takeRoll', session: 1, source: 'roster', present: ['camila', 'renato', 'sofia'] } },
      { session: 2, minutes: 135, action: { do: 'takeRoll', session: 2, source: 'import', present: ['camila', 'daniela', 'sofia'], minutes: { camila: 120, daniela: 64, sofia: 117 } } },
    ],
  },
]
