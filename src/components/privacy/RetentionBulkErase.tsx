'use client'
import type React from 'react'

import { ConfirmedPost } from './ConfirmedPost'

/** The retention overview's bulk erase: a confirmation naming how many, then `POST /api/privacy/erase-inactive`. */
export const RetentionBulkErase: React.FC<{ years: number; total: number }> = ({ years, total }) => {
  if (!total) return null
  return (
    <ConfirmedPost
      label={{ es: `Borrar a estas ${total} personas`, en: `Erase these ${total} people` }}
      buttonAttribute="retention-erase"
      question={{ es: `¿Borrar los datos personales de ${total} personas sin actividad en ${years} años?`, en: `Erase the personal data of ${total} people inactive for ${years} years?` }}
      explanation={{
        es: 'Se borran en segundo plano, cada una como con «Borrar datos personales»: pagos y recibos quedan con un seudónimo, los certificados se revocan. No se puede deshacer.',
        en: 'They are erased in the background, each as with “Erase personal data”: payments and receipts keep a pseudonym, certificates are revoked. This cannot be undone.',
      }}
      confirmAttribute="retention-erase-confirm"
      path="/privacy/erase-inactive"
      body={{ years }}
    />
  )
}
