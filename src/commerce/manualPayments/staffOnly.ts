import { APIError, type PayloadRequest } from 'payload'

import { checkRole } from '../../access'
import { say } from '../../i18n/say'

/** Recording money is for admins and sales (who take the calls and read the bank statement); 401/403 for anyone else. */
export function assertMayRecordMoney(req: PayloadRequest): void {
  if (!req.user) throw new APIError(say(req, { es: 'Inicia sesión para registrar un pago.', en: 'Log in to record a payment.' }), 401, undefined, true)
  if (!checkRole(['admin', 'sales'], req.user)) {
    throw new APIError(say(req, { es: 'Solo administración y ventas registran pagos manuales.', en: 'Only admins and sales record manual payments.' }), 403, undefined, true)
  }
}
