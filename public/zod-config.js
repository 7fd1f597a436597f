// The site runs under a Content-Security-Policy with no 'unsafe-eval' (vite.config.ts). Zod compiles
// its object parsers with `new Function` where it may, and finds out by trying once when a schema is
// built, which the browser reports as a policy violation. Its interpreted parsers are plenty fast for
// the lessons and the saved progress, so it is told not to try. This must run before any module
// builds a schema, and the bundle evaluates shared chunks before the entry's own code, so it is a
// plain script that index.html loads before the site's modules (zod reads this global config). It
// is deferred, so it does not hold up the first paint: deferred scripts and module scripts run in
// document order once the page is parsed, and it comes first.
globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });
