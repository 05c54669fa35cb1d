/** The PostgreSQL NOTIFY channel: payload `{"id": <notification id>, "recipient": <user id>}` (ids only, far under 8000 bytes). */
export const NOTIFICATIONS_CHANNEL = 'aula_notifications'
