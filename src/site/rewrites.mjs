// Plain JavaScript: next.config.mjs imports it. src/proxy.ts's matcher names the same paths.

/** Spanish, the business's language, needs no prefix: `/webinars/x` is `/es/webinars/x`. */
export const siteSpanishRewrites = [
  { source: '/', destination: '/es' },
  { source: '/webinars/:slug', destination: '/es/webinars/:slug' },
  { source: '/courses/:slug', destination: '/es/courses/:slug' },
  { source: '/verify', destination: '/es/verify' },
]
