/** Where Aula serves Monaco's AMD build (src/app/vendor/monaco). */
export const MONACO_VS_URL = '/vendor/monaco/vs'

type AmdRequire = ((modules: string[], onLoad: (module: unknown) => void, onError: (error: unknown) => void) => void) & {
  config: (options: { paths: Record<string, string> }) => void
}
type MonacoWindow = { monaco?: { editor?: unknown }; require?: AmdRequire }

let loading: Promise<void> | undefined

/**
 * Loads Monaco from Aula once per page and leaves it on `window.monaco`. Payload's editor
 * (@monaco-editor/loader, bundled inside @payloadcms/ui, so not configurable from here) uses a
 * `window.monaco` it finds instead of fetching its own copy from cdn.jsdelivr.net.
 */
export function loadLocalMonaco(): Promise<void> {
  const page = window as unknown as MonacoWindow
  if (page.monaco?.editor) return Promise.resolve()
  loading ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script')
    script.src = `${MONACO_VS_URL}/loader.js`
    script.onerror = () => reject(new Error('Monaco could not be loaded from Aula'))
    script.onload = () => {
      const amdRequire = page.require!
      amdRequire.config({ paths: { vs: MONACO_VS_URL } })
      amdRequire(['vs/editor/editor.main'], () => resolve(), reject)
    }
    document.body.appendChild(script)
  }).catch((error: unknown) => {
    loading = undefined
    throw error
  })
  return loading
}
