import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from './paths';

const PDFJS = path.join(ROOT, 'node_modules', 'pdfjs-dist', 'legacy', 'build');
const ORIGIN = 'https://pdf.test';

/** The text of each page of a PDF (pdfjs-dist under Node: no canvas needed for text). */
export async function pdfPageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await doc.destroy();
  return pages;
}

/**
 * Each page of a PDF as a PNG (pdftoppm is not installed here): pdfjs-dist renders the pages
 * into canvases in a page of its own, served from a stand-in origin (nothing leaves the machine).
 */
export async function pdfToPngs(browser: Browser, bytes: Uint8Array, outPrefix: string): Promise<string[]> {
  const context = await browser.newContext({ viewport: { width: 900, height: 1200 } });
  try {
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === `${ORIGIN}/doc.pdf`) return route.fulfill({ body: Buffer.from(bytes), contentType: 'application/pdf' });
      if (url === `${ORIGIN}/index.html`) return route.fulfill({ body: '<!doctype html><body style="margin:0;background:#888"></body>', contentType: 'text/html' });
      const file = url.startsWith(`${ORIGIN}/pdfjs/`) ? path.join(PDFJS, path.basename(url)) : '';
      if (file && fs.existsSync(file)) return route.fulfill({ body: fs.readFileSync(file), contentType: 'text/javascript' });
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    await page.goto(`${ORIGIN}/index.html`);
    // A string, not a function: the test runner would rewrite import() in a function's source.
    const count = (await page.evaluate(`(async () => {
      const pdfjs = await import(location.origin + '/pdfjs/pdf.mjs');
      pdfjs.GlobalWorkerOptions.workerSrc = location.origin + '/pdfjs/pdf.worker.mjs';
      const doc = await pdfjs.getDocument(location.origin + '/doc.pdf').promise;
      for (let n = 1; n <= doc.numPages; n++) {
        const pdfPage = await doc.getPage(n);
        const viewport = pdfPage.getViewport({ scale: 1.4 });
        const canvas = document.createElement('canvas');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        canvas.style.display = 'block';
        canvas.style.margin = '8px';
        document.body.append(canvas);
        await pdfPage.render({ canvas, canvasContext: canvas.getContext('2d'), viewport }).promise;
      }
      return doc.numPages;
    })()`)) as number;
    const files: string[] = [];
    for (let i = 0; i < count; i++) {
      const file = `${outPrefix}-${i + 1}.png`;
      await page.locator('canvas').nth(i).screenshot({ path: file });
      files.push(file);
    }
    return files;
  } finally {
    await context.close();
  }
}
