import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildCorpus } from '../electron/node/corpus/build-corpus';
import { createExtractor } from '../electron/node/corpus/formats/extract-worker';
import { pdfText } from '../electron/node/corpus/formats/pdf-document';
import type { PdfRaw } from '../electron/node/corpus/formats/pdf-raw';

/** Debian's documentation packages full of real PDFs (LaTeX and Texinfo output: embedded Type 1 fonts, compressed streams, figures). */
export const PDF_PACKAGES = ['r-doc-pdf', 'texlive-latex-base-doc'] as const;

const MB = 1024 * 1024;
const rssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

/** Fetches the packages into `dir` with `apt-get download` and unpacks each with dpkg-deb; the root of each unpacked tree. */
export function fetchPackages(dir: string, log: (line: string) => void, names: readonly string[] = PDF_PACKAGES): Map<string, string> {
  const roots = new Map<string, string>();
  for (const name of names) {
    log(`Fetching ${name} with apt-get download …`);
    execFileSync('apt-get', ['download', name], { cwd: dir, stdio: ['ignore', 'ignore', 'inherit'] });
    const deb = fs.readdirSync(dir).find((f) => f.startsWith(`${name}_`) && f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${name} produced no .deb (run apt-get update first?)`);
    const root = path.join(dir, 'pkgs', name);
    fs.mkdirSync(root, { recursive: true });
    execFileSync('dpkg-deb', ['-x', path.join(dir, deb), root]);
    roots.set(name, root);
  }
  return roots;
}

function pdfsUnder(root: string): string[] {
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.name.toLowerCase().endsWith('.pdf') && (e.isFile() || e.isSymbolicLink()))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

type FileFigures = { file: string; mb: number; pages: number; seconds: number; paragraphs: number };

/**
 * Every PDF of the packages through the builder's reading: pdf.js in the extraction thread (the
 * build's 60 s bound per file), then the layout. Links (the packages link some manuals twice)
 * and files with the same bytes as one read already are skipped and said. The biggest file is
 * read first, so that the peak RSS after it is its own. Then the folder is built into a corpus
 * with and without the PDFs' originals (--no-originals), and both sizes are printed.
 */
export function benchDebianPdfs(options: { keep: boolean }): void {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carrel-bench-pdfs-'));
  try {
    const roots = fetchPackages(dir, log);
    const sources = path.join(dir, 'sources');
    const skipped: { file: string; reason: string }[] = [];
    const files: { file: string; absolute: string; bytes: number }[] = [];
    const seen = new Map<string, string>();
    for (const [name, root] of roots) {
      for (const absolute of pdfsUnder(root)) {
        const file = `${name}/${path.relative(root, absolute)}`;
        if (fs.lstatSync(absolute).isSymbolicLink()) {
          skipped.push({ file, reason: `symbolic link (to ${fs.readlinkSync(absolute)})` });
          continue;
        }
        const bytes = fs.readFileSync(absolute);
        const sha = crypto.createHash('sha256').update(bytes).digest('hex');
        const twin = seen.get(sha);
        if (twin) {
          skipped.push({ file, reason: `the same bytes as ${twin}` });
          continue;
        }
        seen.set(sha, file);
        files.push({ file, absolute, bytes: bytes.length });
        // The corpus folder: every PDF read, by package.
        const copy = path.join(sources, file);
        fs.mkdirSync(path.dirname(copy), { recursive: true });
        fs.copyFileSync(absolute, copy);
      }
    }
    files.sort((a, b) => b.bytes - a.bytes || a.file.localeCompare(b.file));
    log(`${files.length} PDFs to read (${(files.reduce((n, f) => n + f.bytes, 0) / MB).toFixed(1)} MB), ${skipped.length} skipped.`);

    const extractor = createExtractor();
    const read: FileFigures[] = [];
    let biggest: (FileFigures & { peakRssMb: number }) | undefined;
    const started = performance.now();
    for (const [i, f] of files.entries()) {
      const t0 = performance.now();
      const job = extractor.start('pdf', fs.readFileSync(f.absolute));
      let result = job.poll(100);
      while (!result) result = job.poll(100);
      if (!result.ok) {
        skipped.push({ file: f.file, reason: `${result.reason}: ${result.message}` });
        continue;
      }
      const text = pdfText(result.value as PdfRaw);
      const seconds = (performance.now() - t0) / 1000;
      if (text.text.trim() === '') {
        skipped.push({ file: f.file, reason: `no text layer (${text.pageCount} pages)` });
        continue;
      }
      const figures = { file: f.file, mb: f.bytes / MB, pages: text.pageCount, seconds, paragraphs: text.blocks.length };
      read.push(figures);
      if (i === 0) biggest = { ...figures, peakRssMb: rssMb() };
      if ((i + 1) % 25 === 0) log(`  ${i + 1} of ${files.length} read …`);
    }
    const wallS = (performance.now() - started) / 1000;
    extractor.close();
    const peakRssMb = rssMb();
    const most = read.reduce<FileFigures | undefined>((m, f) => (!m || f.pages > m.pages ? f : m), undefined);

    log('Building the corpus with originals, then without …');
    const withOriginals = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'with.sqlite'), title: 'Debian PDFs' });
    const withoutOriginals = buildCorpus({ sourcesDir: sources, outFile: path.join(dir, 'without.sqlite'), title: 'Debian PDFs', originals: false });
    const size = (file: string) => +(fs.statSync(file).size / MB).toFixed(1);

    const pages = read.reduce((n, f) => n + f.pages, 0);
    const mb = read.reduce((n, f) => n + f.mb, 0);
    const perFile = (f: FileFigures) => ({ file: f.file, mb: +f.mb.toFixed(1), pages: f.pages, seconds: +f.seconds.toFixed(2), pagesPerS: Math.round(f.pages / f.seconds), paragraphs: f.paragraphs });
    const figures = {
      packages: [...roots.keys()],
      filesRead: read.length,
      pages,
      mb: +mb.toFixed(1),
      seconds: +wallS.toFixed(1),
      pagesPerS: Math.round(pages / wallS),
      mbPerS: +(mb / wallS).toFixed(2),
      slowestPagesPerS: read.map(perFile).sort((a, b) => a.pagesPerS - b.pagesPerS).slice(0, 3),
      peakRssMb,
      biggestFile: biggest && { ...perFile(biggest), peakRssMbAfterIt: biggest.peakRssMb },
      mostPages: most && perFile(most),
      skipped,
      corpus: {
        withOriginalsMb: size(withOriginals.outFile),
        withoutOriginalsMb: size(withoutOriginals.outFile),
        originals: withOriginals.originals.count,
        originalsMb: +(withOriginals.originals.bytes / MB).toFixed(1),
        documents: withOriginals.documents,
        buildSkipped: withOriginals.skipped.map((s) => `${s.path}: ${s.reason} (${s.message})`),
        buildS: +(withOriginals.durationMs / 1000).toFixed(1),
        buildWithoutOriginalsS: +(withoutOriginals.durationMs / 1000).toFixed(1),
      },
    };
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    if (options.keep) log(`Kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}
