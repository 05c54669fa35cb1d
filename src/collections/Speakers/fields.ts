import type { Field } from 'payload'

import { isStaffField } from '../../access'
import { optionalHttpUrl } from '../../fields/validators'

/** Contact details and the account link are for staff: the website shows the public profile only. */
const staffOnly = { read: isStaffField }

export const speakerFields: Field[] = [
  { name: 'name', type: 'text', required: true, maxLength: 200, label: { es: 'Nombre', en: 'Name' } },
  {
    type: 'row',
    fields: [
      {
        name: 'headline',
        type: 'text',
        maxLength: 200,
        label: { es: 'Titular', en: 'Headline' },
        admin: { description: { es: 'Una línea: "Ingeniera de datos en ..."', en: 'One line: "Data engineer at ..."' } },
      },
      { name: 'company', type: 'text', maxLength: 200, label: { es: 'Empresa', en: 'Company' } },
    ],
  },
  { name: 'bio', type: 'richText', label: { es: 'Biografía', en: 'Bio' } },
  {
    name: 'photo',
    type: 'upload',
    relationTo: 'media',
    label: { es: 'Foto', en: 'Photo' },
    filterOptions: { mimeType: { contains: 'image' } },
  },
  {
    name: 'linkedinUrl',
    type: 'text',
    label: { es: 'LinkedIn', en: 'LinkedIn' },
    validate: optionalHttpUrl,
  },
  {
    type: 'collapsible',
    label: { es: 'Solo para el equipo', en: 'Staff only' },
    admin: { initCollapsed: false },
    fields: [
      {
        type: 'row',
        fields: [
          { name: 'email', type: 'email', label: { es: 'Correo', en: 'Email' }, access: staffOnly },
          { name: 'phone', type: 'text', maxLength: 40, label: { es: 'Teléfono', en: 'Phone' }, access: staffOnly },
        ],
      },
      {
        name: 'user',
        type: 'relationship',
        relationTo: 'users',
        label: { es: 'Cuenta de usuario', en: 'User account' },
        access: staffOnly,
        admin: {
          description: {
            es: 'Opcional: vincula una cuenta para que el ponente inicie sesión como instructor.',
            en: 'Optional: link an account so the speaker can log in as an instructor.',
          },
        },
      },
    ],
  },
]
