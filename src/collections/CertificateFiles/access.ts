import type { Access } from 'payload'

import { ownOrTaughtOrOffice } from '../../access/ownOrTaughtOrOffice'

/**
 * A certificate's PDF is read by whoever reads the certificate: its holder, the instructors of its
 * item, and admins, editors and sales. Never anonymous: the file route (`/api/certificate-files/file/<name>`)
 * applies this same rule, so a leaked file name alone downloads nothing.
 */
export const readCertificateFiles: Access = ownOrTaughtOrOffice('holder')
