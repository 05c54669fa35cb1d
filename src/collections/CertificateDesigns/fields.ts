import type { Field, FieldAccess } from 'payload'

import { DEFAULT_WORDING, type DesignLanguage } from '../../certificates/pdf/design'
import { validateAccentColor, validateWordingText, validateWordingTextarea } from './validation'

const nobody: FieldAccess = () => false

const wordingGroup = (language: DesignLanguage, label: { es: string; en: string }): Field => ({
  name: language,
  type: 'group',
  label,
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 80, defaultValue: DEFAULT_WORDING[language].title, validate: validateWordingText, label: { es: 'Título', en: 'Title' } },
    { name: 'preamble', type: 'text', required: true, maxLength: 200, defaultValue: DEFAULT_WORDING[language].preamble, validate: validateWordingText, label: { es: 'Antes del nombre', en: 'Before the name' } },
    { name: 'body', type: 'textarea', required: true, maxLength: 600, defaultValue: DEFAULT_WORDING[language].body, validate: validateWordingTextarea, label: { es: 'Después del nombre', en: 'After the name' } },
  ],
})

const imageField = (name: string, label: { es: string; en: string }, description: { es: string; en: string }): Field => ({
  name,
  type: 'upload',
  relationTo: 'media',
  label,
  admin: { description },
})

export const certificateDesignFields: Field[] = [
  { name: 'name', type: 'text', required: true, maxLength: 120, label: { es: 'Nombre del diseño', en: 'Design name' } },
  {
    type: 'row',
    fields: [
      {
        name: 'scope',
        type: 'select',
        required: true,
        defaultValue: 'category',
        options: [
          { value: 'default', label: { es: 'Predeterminado (todos los demás)', en: 'Default (everything else)' } },
          { value: 'category', label: { es: 'Una categoría', en: 'One category' } },
          { value: 'item', label: { es: 'Un webinar o curso', en: 'One webinar or course' } },
        ],
        label: { es: 'Se usa para', en: 'Used for' },
        admin: {
          description: {
            es: 'Un certificado usa el diseño de su webinar o curso; si no hay, el de su categoría; si no, el predeterminado.',
            en: 'A certificate uses its webinar’s or course’s design; failing that, its category’s; failing that, the default.',
          },
        },
      },
      { name: 'category', type: 'relationship', relationTo: 'categories', label: { es: 'Categoría', en: 'Category' }, admin: { condition: (data) => data?.scope === 'category' } },
      { name: 'item', type: 'relationship', relationTo: ['webinars', 'courses'], label: { es: 'Webinar o curso', en: 'Webinar or course' }, admin: { condition: (data) => data?.scope === 'item' } },
    ],
  },
  {
    // `default`, `category:<id>` or `<collection>:<id>`, set by setScopeKey: the database allows one design per target.
    name: 'scopeKey',
    type: 'text',
    unique: true,
    maxLength: 60,
    access: { create: nobody, update: nobody },
    admin: { hidden: true },
  },
  {
    type: 'tabs',
    tabs: [
      {
        label: { es: 'Textos', en: 'Wording' },
        description: {
          es: 'Variables: {{name}} (nombre), {{item}} (webinar o curso), {{hours}} (horas), {{date}} (fecha de término), {{number}} (número del certificado).',
          en: 'Variables: {{name}}, {{item}}, {{hours}}, {{date}} (completion date), {{number}} (certificate number).',
        },
        fields: [
          {
            name: 'wording',
            type: 'group',
            label: { es: 'Textos del certificado', en: 'Certificate wording' },
            fields: [wordingGroup('es', { es: 'Español', en: 'Spanish' }), wordingGroup('en', { es: 'Inglés', en: 'English' })],
          },
        ],
      },
      {
        label: { es: 'Firma', en: 'Signatory' },
        fields: [
          {
            type: 'row',
            fields: [
              { name: 'signatoryName', type: 'text', required: true, maxLength: 120, label: { es: 'Nombre de quien firma', en: 'Signatory name' } },
              { name: 'signatoryTitle', type: 'text', maxLength: 120, label: { es: 'Cargo', en: 'Title' } },
            ],
          },
          imageField('signature', { es: 'Imagen de la firma', en: 'Signature image' }, {
            es: 'PNG con fondo transparente o JPEG. Los archivos de «Archivos» son públicos: use una firma escaneada a baja resolución.',
            en: 'PNG with a transparent background, or JPEG. Media files are public: use a low-resolution scan.',
          }),
        ],
      },
      {
        label: { es: 'Página e imágenes', en: 'Page and images' },
        fields: [
          {
            type: 'row',
            fields: [
              {
                name: 'pageSize',
                type: 'select',
                required: true,
                defaultValue: 'A4',
                options: [
                  { value: 'A4', label: { es: 'A4', en: 'A4' } },
                  { value: 'Letter', label: { es: 'Carta', en: 'Letter' } },
                ],
                label: { es: 'Tamaño', en: 'Page size' },
              },
              {
                name: 'orientation',
                type: 'select',
                required: true,
                defaultValue: 'landscape',
                options: [
                  { value: 'landscape', label: { es: 'Horizontal', en: 'Landscape' } },
                  { value: 'portrait', label: { es: 'Vertical', en: 'Portrait' } },
                ],
                label: { es: 'Orientación', en: 'Orientation' },
              },
              { name: 'accentColor', type: 'text', maxLength: 7, defaultValue: '#1f3a5f', validate: validateAccentColor, label: { es: 'Color (título y bordes)', en: 'Colour (title and borders)' } },
            ],
          },
          imageField('background', { es: 'Fondo', en: 'Background' }, {
            es: 'PNG o JPEG que cubre toda la página (se estira a su tamaño). Sin fondo se dibuja un marco.',
            en: 'PNG or JPEG covering the whole page (stretched to it). Without one, a border is drawn.',
          }),
          imageField('logo', { es: 'Logo', en: 'Logo' }, { es: 'PNG o JPEG, arriba al centro.', en: 'PNG or JPEG, top centre.' }),
        ],
      },
    ],
  },
  {
    name: 'preview',
    type: 'ui',
    label: { es: 'Vista previa', en: 'Preview' },
    admin: { components: { Field: '/src/components/certificateDesigns/DesignPreview#DesignPreview' } },
  },
]
