'use client'
import { CodeField, JSONField, ShimmerEffect } from '@payloadcms/ui'
import type { CodeFieldClientComponent, JSONFieldClientComponent } from 'payload'
import { useEffect, useState } from 'react'

import { loadLocalMonaco } from './loadLocalMonaco'

type EditorState = 'loading' | 'ready' | 'failed'

/** Payload's editor mounts only once Aula's own Monaco is on the page, so it never asks the CDN for one. */
const useLocalMonaco = (): EditorState => {
  const [state, setState] = useState<EditorState>('loading')
  useEffect(() => {
    let live = true
    loadLocalMonaco().then(
      () => live && setState('ready'),
      () => live && setState('failed'),
    )
    return () => {
      live = false
    }
  }, [])
  return state
}

const Unavailable = () => (
  <p className="field-description">El editor no se pudo cargar; recarga la página. / The editor could not be loaded; reload the page.</p>
)

export const LocalJSONField: JSONFieldClientComponent = (props) => {
  const state = useLocalMonaco()
  if (state === 'failed') return <Unavailable />
  return state === 'ready' ? <JSONField {...props} /> : <ShimmerEffect height="56px" />
}

export const LocalCodeField: CodeFieldClientComponent = (props) => {
  const state = useLocalMonaco()
  if (state === 'failed') return <Unavailable />
  return state === 'ready' ? <CodeField {...props} /> : <ShimmerEffect height="56px" />
}
