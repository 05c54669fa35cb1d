'use client'
import { useAuth, useTranslation } from '@payloadcms/ui'
import type React from 'react'
import { useEffect, useRef } from 'react'

type Seen = { id?: number | string; language?: string }

/**
 * The admin speaks the person's `language` from the first page after login. The login response sets
 * the `payload-lng` cookie (src/collections/Users/hooks/followUserLanguage.ts), but Payload then
 * navigates without reloading its root layout, so the navigation kept the login page's language
 * until a reload. When someone logs in here, or changes their own `language`, this switches the
 * whole admin (Payload's own switch: cookie + refresh). A language picked later in Payload's account
 * menu is left alone: it lasts until the next login.
 */
export const FollowUserLanguage: React.FC<{ children?: React.ReactNode }> = ({ children }) => {
  const { user } = useAuth()
  const { i18n, switchLanguage } = useTranslation()
  const seen = useRef<Seen | null>(null)
  const wanted = (user as { language?: string } | null)?.language
  const id = user?.id

  useEffect(() => {
    const before = seen.current
    seen.current = { id, language: wanted }
    if (!before || id === undefined || (wanted !== 'es' && wanted !== 'en') || wanted === i18n.language) return
    const loggedInHere = before.id !== id
    const changedOwnLanguage = before.id === id && before.language !== wanted
    if (loggedInHere || changedOwnLanguage) void switchLanguage?.(wanted)
  }, [id, wanted, i18n.language, switchLanguage])

  return <>{children}</>
}
