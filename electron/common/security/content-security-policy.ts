/**
 * The app's Content Security Policy: nothing by default, then only what the renderer
 * needs from its own origin. No inline script, no eval, no remote origin.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'none'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'self'",
  'child-src': "'none'",
  'manifest-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  // Raw HTML reaches the DOM only through Carrel's sanitiser policy (and DOMPurify's own,
  // which it needs to parse); any other string assigned to innerHTML throws. A worker is made
  // only from pdf.js's own worker script beside the page (carrel-pdf-worker accepts that one
  // address: renderer/src/features/reader/pdf-loader.ts).
  'require-trusted-types-for': "'script'",
  'trusted-types': 'carrel-sanitizer dompurify carrel-pdf-worker',
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');
