import { buildConfig } from 'payload'

import { createAulaConfig } from './src/config/createAulaConfig'
import { readEnv } from './src/config/env'

export default buildConfig(createAulaConfig({ env: readEnv() }))
