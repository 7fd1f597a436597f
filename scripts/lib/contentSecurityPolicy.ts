/**
 * The built site's Content-Security-Policy: nothing inline, no eval, nothing from another origin.
 * vite.config.ts adds it to index.html as a <meta> at build time only, since the dev server
 * injects inline scripts (HMR, React Refresh). The page's icon is a `data:` image (vite.config.ts
 * inlines it), hence `img-src … data:`.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/**
 * The same policy as a host may send it in a header, which can also forbid framing
 * (`frame-ancestors` is ignored in a <meta>). Some e2e tests serve it so (tests/e2e/support).
 */
export const CONTENT_SECURITY_POLICY_HEADER = `${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`;
