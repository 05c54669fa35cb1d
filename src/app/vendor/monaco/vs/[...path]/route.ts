import { monacoFileResponse } from '../../../../../vendor/monacoFiles'

/** GET /vendor/monaco/vs/… : the admin's code editor, served by Aula instead of a CDN (src/vendor/monacoFiles.ts). */
export const GET = async (_request: Request, { params }: { params: Promise<{ path: string[] }> }) => monacoFileResponse((await params).path)
