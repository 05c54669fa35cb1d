import type { ActorKind, AuditAction } from '../../audit/types'

export const ACTION_LABELS: Record<AuditAction, { es: string; en: string }> = {
  create: { es: 'Creación', en: 'Created' },
  update: { es: 'Modificación', en: 'Updated' },
  delete: { es: 'Eliminación', en: 'Deleted' },
  login: { es: 'Inicio de sesión', en: 'Login' },
  login_failed: { es: 'Inicio de sesión fallido', en: 'Failed login' },
  lockout: { es: 'Cuenta bloqueada', en: 'Account locked' },
  password_reset_requested: { es: 'Restablecimiento de contraseña solicitado', en: 'Password reset requested' },
  password_reset: { es: 'Contraseña restablecida', en: 'Password reset' },
  role_change: { es: 'Cambio de roles', en: 'Role change' },
  erasure: { es: 'Borrado de datos personales', en: 'Personal data erased' },
  export: { es: 'Exportación de datos personales', en: 'Personal data exported' },
}

export const ACTOR_KIND_LABELS: Record<ActorKind, { es: string; en: string }> = {
  user: { es: 'Usuario', en: 'User' },
  system: { es: 'Sistema', en: 'System' },
  stripe: { es: 'Stripe', en: 'Stripe' },
  worker: { es: 'Tarea programada', en: 'Background job' },
  anonymous: { es: 'Anónimo', en: 'Anonymous' },
}
