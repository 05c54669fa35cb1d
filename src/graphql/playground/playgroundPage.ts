import { createHash } from 'node:crypto'

import { escapeHtml } from '../../utilities/escapeHtml'
import { consoleScript } from './consoleScript'

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`

const styles = `
  body { font: 14px/1.45 system-ui, sans-serif; margin: 0; color: #1b1b1b; background: #f6f6f4; }
  header { padding: 12px 20px; background: #222; color: #fff; display: flex; gap: 16px; align-items: baseline; }
  header h1 { font-size: 16px; margin: 0; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr) 340px; gap: 12px; padding: 12px; height: calc(100vh - 70px); box-sizing: border-box; }
  .column { display: flex; flex-direction: column; gap: 8px; min-height: 0; }
  label { font-weight: 600; }
  textarea, input, pre { font: 13px/1.4 ui-monospace, monospace; border: 1px solid #ccc; border-radius: 4px; padding: 8px; background: #fff; box-sizing: border-box; width: 100%; }
  #query { flex: 3; resize: none; }
  #variables { flex: 1; resize: none; }
  pre { flex: 1; margin: 0; overflow: auto; white-space: pre-wrap; }
  #schema { overflow: auto; background: #fff; border: 1px solid #ccc; border-radius: 4px; padding: 8px; flex: 1; }
  #schema h2 { font-size: 14px; margin: 8px 0 4px; }
  #schema ul { list-style: none; margin: 0; padding: 0; }
  #schema li { margin: 0 0 6px; }
  #schema p { margin: 2px 0 0; color: #555; }
  button { font: inherit; padding: 6px 14px; border: 0; border-radius: 4px; background: #222; color: #fff; cursor: pointer; }
`

const EXAMPLE_QUERY = `# Ctrl+Enter ejecuta / runs the query
{
  Webinars(limit: 5, sort: "startsAt") {
    docs { id title startsAt }
  }
}
`

/**
 * Aula's GraphQL playground: a query box, variables, an optional token, the answer, and the
 * schema's root fields. Everything is in this one response (no CDN, no other file), and its CSP
 * allows exactly its own script and style, and requests to Aula only.
 */
export function renderPlaygroundPage(endpoint: string): { html: string; headers: Record<string, string> } {
  const html = `<!doctype html>
<html lang="es">
<head>
<meta charset="utf-8">
<title>GraphQL · Aula</title>
<style>${styles}</style>
</head>
<body data-endpoint="${escapeHtml(endpoint)}">
<header><h1>GraphQL · Aula</h1><span>POST ${escapeHtml(endpoint)}</span></header>
<main>
  <div class="column">
    <label for="query">Consulta / Query</label>
    <textarea id="query" spellcheck="false">${escapeHtml(EXAMPLE_QUERY)}</textarea>
    <label for="variables">Variables (JSON)</label>
    <textarea id="variables" spellcheck="false">{}</textarea>
    <label for="token">Token (opcional: sin él se usa tu sesión / optional: your session is used without it)</label>
    <input id="token" autocomplete="off" placeholder="JWT eyJ…">
    <div><button id="run" type="button">Ejecutar / Run</button></div>
  </div>
  <div class="column">
    <label for="result">Respuesta / Response</label>
    <pre id="result" aria-live="polite"></pre>
  </div>
  <div class="column">
    <div><button id="refresh-schema" type="button">Esquema / Schema ↻</button></div>
    <div id="schema">…</div>
  </div>
</main>
<script>${consoleScript}</script>
</body>
</html>`
  return {
    html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': [
        "default-src 'none'",
        `script-src ${sha256(consoleScript)}`,
        `style-src ${sha256(styles)}`,
        "connect-src 'self'",
        "img-src 'self'",
        "form-action 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
      ].join('; '),
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
    },
  }
}
