import { escapeHtml } from '../utilities/escapeHtml'

/**
 * The one look of everything the public sees: the Next pages under src/app/(site) and the HTML pages
 * the API serves itself (email links, certificate verification, check-in). Plain strings, no React,
 * so both can use them: the API's pages send a CSP that admits `<style>` blocks by hash only
 * (src/endpoints/htmlResponse.ts), and every link here is relative (those pages may link nowhere else).
 */
export type SiteLanguage = 'es' | 'en'

export const SITE_NAME = 'Aula'

export const isSiteLanguage = (value: unknown): value is SiteLanguage => value === 'es' || value === 'en'

/** Spanish lives at the root (`/webinars/x`, the address emails print), English under `/en`. */
export const sitePath = (language: SiteLanguage, path: string) => (language === 'es' ? path : `/en${path === '/' || path.startsWith('/?') ? path.slice(1) : path}`)

/** The header and footer words (the pages' own words are in src/site/copy.ts). */
export const siteChrome = {
  es: { home: 'Inicio', catalogue: 'Catálogo', verify: 'Verificar certificado', switchLabel: 'English', footer: 'Formación en línea y presencial' },
  en: { home: 'Home', catalogue: 'Catalogue', verify: 'Verify a certificate', switchLabel: 'Español', footer: 'Online and in-person training' },
} as const

export const SITE_CSS = [
  ':root{--ink:#1f2430;--muted:#5b6272;--brand:#1d4ed8;--brand-ink:#fff;--line:#dde1e8;--soft:#f4f6fa;--ok:#0b5d1e;--ok-bg:#e6f4ea;--bad:#8a1010;--bad-bg:#fde7e7}',
  '*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);line-height:1.5;background:#fff}',
  '.site-header{background:var(--brand);color:var(--brand-ink)}.site-header .bar,.site-footer .bar{max-width:60rem;margin:0 auto;padding:.8rem 1rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}',
  '.site-header a{color:var(--brand-ink);text-decoration:none}.site-header .name{font-weight:700;font-size:1.25rem;margin-right:auto}.site-header a:hover{text-decoration:underline}',
  'main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}main.narrow{max-width:36rem}',
  '.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;background:var(--soft)}',
  'h1{font-size:1.8rem;line-height:1.2;margin:.5rem 0 1rem}h2{font-size:1.25rem;margin:1.8rem 0 .6rem}a{color:var(--brand)}',
  '.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(17rem,1fr));gap:1rem;padding:0;list-style:none}',
  '.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem;display:flex;flex-direction:column;gap:.3rem}.card h3{margin:0;font-size:1.1rem}',
  '.filters{display:flex;gap:.5rem;flex-wrap:wrap;margin:0 0 1rem;padding:0;list-style:none}.filters a{border:1px solid var(--line);border-radius:1rem;padding:.2rem .8rem;text-decoration:none}.filters a[aria-current]{background:var(--brand);color:var(--brand-ink);border-color:var(--brand)}',
  '.muted{color:var(--muted);font-size:.95rem}.price{font-weight:600}.tag{font-size:.8rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}',
  // Fields fill their form's width by flexbox, not `width:100%`: the verification page's tests refuse any "%" a hostile code could have echoed.
  'form,form p,form div,.field{display:flex;flex-direction:column}form button{align-self:flex-start}',
  'label{display:block;margin:.8rem 0 .2rem;font-weight:500}input,textarea,select{font:inherit;padding:.5rem;border:1px solid var(--line);border-radius:.3rem}textarea{min-height:8rem}',
  'button{font:inherit;margin-top:1rem;padding:.6rem 1.4rem;border:0;border-radius:.3rem;background:var(--brand);color:var(--brand-ink);cursor:pointer}button[disabled]{opacity:.6}',
  'fieldset{border:0;padding:0;margin:1rem 0}label.rate{display:inline-block;margin-right:.75rem;font-weight:400}',
  'form .inline{flex-direction:row;gap:.5rem;align-items:end}.inline input{flex:1}.inline button{margin-top:0}',
  '.error{color:var(--bad)}.ok,.done{color:var(--ok)}.notice{padding:.8rem 1rem;border-radius:.4rem;background:var(--soft)}',
  '.badge{padding:.8rem 1rem;border-radius:.4rem;font-weight:600;font-size:1.2rem}.valid{background:var(--ok-bg);color:var(--ok)}.revoked{background:var(--bad-bg);color:var(--bad)}',
  'dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:var(--muted)}dd{margin:0;font-weight:500}li{margin:.3rem 0}',
].join('')

/** The header: the site's name, the catalogue, certificate verification and, when given, the same page in the other language. */
export function siteHeaderHtml(language: SiteLanguage, switchHref?: string): string {
  const text = siteChrome[language]
  const other = language === 'es' ? 'en' : 'es'
  const switchLink = switchHref ? `<a href="${escapeHtml(switchHref)}" hreflang="${other}" lang="${other}" data-language-switch>${text.switchLabel}</a>` : ''
  return `<header class="site-header"><nav class="bar" aria-label="${text.home}"><a class="name" href="${sitePath(language, '/')}">${SITE_NAME}</a><a href="${sitePath(language, '/')}">${text.catalogue}</a><a href="${sitePath(language, '/verify')}">${text.verify}</a>${switchLink}</nav></header>`
}

export const siteFooterHtml = (language: SiteLanguage) => `<footer class="site-footer"><div class="bar">${SITE_NAME} · ${siteChrome[language].footer}</div></footer>`

/** A whole page in the site's look, for the API's own HTML answers (pass it to htmlResponse). */
export function sitePageHtml(args: { language: SiteLanguage; title: string; body: string; switchHref?: string; noindex?: boolean }): string {
  const robots = args.noindex === false ? '' : '<meta name="robots" content="noindex">'
  return `<!doctype html><html lang="${args.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${robots}<title>${escapeHtml(args.title)} · ${SITE_NAME}</title><style>${SITE_CSS}</style></head><body>${siteHeaderHtml(args.language, args.switchHref)}<main class="narrow">${args.body}</main>${siteFooterHtml(args.language)}</body></html>`
}
