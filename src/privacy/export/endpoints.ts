import type { Endpoint } from 'payload'

import { adminExportEndpoint } from './adminEndpoint'
import { myExportEndpoint } from './selfService/request'

/** Root endpoints of personal-data export; the download of a self-service zip lives on `privacy-exports`. */
export const privacyExportEndpoints: Endpoint[] = [adminExportEndpoint, myExportEndpoint]
