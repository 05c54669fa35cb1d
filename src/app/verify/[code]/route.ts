import config from '@payload-config'

import { verifyPageHandler } from '@/certificates/verify/pageHandler'
import { withRequestTracing } from '@/observability/withRequestTracing'

// The public page a certificate's QR code opens (docs/after-event.md). Always answered fresh: a revocation shows at once.
export const dynamic = 'force-dynamic'
export const GET = withRequestTracing(verifyPageHandler(config), config)
