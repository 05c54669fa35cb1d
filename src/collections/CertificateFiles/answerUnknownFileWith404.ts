import { answerUnknownFileWith404 as answerUnknownFileOf } from '../../storage/answerUnknownFileWith404'

/** A certificate PDF name no row holds is a 404 before the disk or S3 is asked (src/storage/answerUnknownFileWith404.ts). */
export const answerUnknownFileWith404 = answerUnknownFileOf('certificate-files')
