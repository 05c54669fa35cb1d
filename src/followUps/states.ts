/**
 * Where an item's follow-up emails stand (docs/decisions/0013-follow-ups.md):
 * - `scheduled`: waiting for the item's end plus its delay;
 * - `on_hold`: the time came and no attendance was recorded, so nothing went out (staff release it or record attendance);
 * - `released`: staff chose to send everyone confirmed the wording that presumes neither presence nor absence;
 * - `sent`: every confirmed person got their follow-up;
 * - `skipped`: an item from before follow-ups existed, first saved again after its time had passed: never sent by surprise.
 */
export const FOLLOW_UP_STATES = ['scheduled', 'on_hold', 'released', 'sent', 'skipped'] as const
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number]

export const followUpStateLabels: Record<FollowUpState, { es: string; en: string }> = {
  scheduled: { es: 'Programado', en: 'Scheduled' },
  on_hold: { es: 'En espera (sin asistencia registrada)', en: 'On hold (no attendance recorded)' },
  released: { es: 'Liberado: enviando a todos los confirmados', en: 'Released: sending to everyone confirmed' },
  sent: { es: 'Enviado', en: 'Sent' },
  skipped: { es: 'No enviado (evento anterior al seguimiento automático)', en: 'Not sent (event from before automatic follow-ups)' },
}

/** Hours after the end when nobody changed it: long enough for the recording to be uploaded. */
export const DEFAULT_FOLLOW_UP_DELAY_HOURS = 2
/** A month: a longer wait is a typo, and the follow-up would arrive when nobody remembers the event. */
export const MAX_FOLLOW_UP_DELAY_HOURS = 720

export const FOLLOW_UP_TASK = 'sendFollowUps'
