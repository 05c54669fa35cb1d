import type { Role } from '../../access'

export const roleLabels: Record<Role, { es: string; en: string }> = {
  admin: { es: 'Administrador', en: 'Admin' },
  editor: { es: 'Editor', en: 'Editor' },
  sales: { es: 'Ventas', en: 'Sales' },
  instructor: { es: 'Instructor', en: 'Instructor' },
  student: { es: 'Estudiante', en: 'Student' },
}
