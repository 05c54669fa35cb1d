import { htmlResponse } from '../../../endpoints/htmlResponse'

/** A small page for people who follow a link from an email (no admin, no login). */
export const htmlPage = (title: string, body: string, status = 200) =>
  htmlResponse(
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${title}</title><style>body{font-family:system-ui;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head><body>${body}</body></html>`,
    status,
  )
