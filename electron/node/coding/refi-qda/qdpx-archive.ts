import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, safeEntryName } from '../../corpus/formats/zip-archive';
import { RefiImportError } from './refi-xml';

/** Most bytes of one entry Carrel reads from a .qdpx (project.qde, one plain-text source). */
export const MAX_QDPX_ENTRY = 64 * 1024 * 1024;
/** Most bytes Carrel reads from one .qdpx in all (other sources, PDFs or videos, are never inflated). */
export const MAX_QDPX_READ = 256 * 1024 * 1024;
const RATIO_FREE_BYTES = 64 * 1024;
/** Compressed bytes fed to the inflater at a time: deflate expands at most ~1000 times, so an entry lying about its size is stopped within a few MB. */
const CHUNK = 4096;

/**
 * The entries of a .qdpx (a zip) that an import reads, taken with guards. First its central
 * directory: refused whole if an entry name leaves the archive (`../x`, `/etc/x`, `C:\x`) or it
 * lists more than 10,000 entries. Then only `wanted` entries are inflated, each refused if it
 * declares more than 64 MB, is compressed more than 200 times (a zip bomb), or turns out larger
 * than it declares (inflation stops there); at most 256 MB in all.
 */
export function readQdpxEntries(bytes: Uint8Array, wanted: (name: string) => boolean): { names: Set<string>; files: Map<string, Uint8Array> } {
  const declared = new Map<string, number>();
  const compressed = new Map<string, number>();
  try {
    unzipSync(bytes, {
      filter: (file) => {
        if (!safeEntryName(file.name)) throw new RefiImportError(`It holds an entry named “${file.name.slice(0, 80)}”, which leaves the archive; such a file is refused.`);
        if (declared.size >= MAX_ZIP_ENTRIES) throw new RefiImportError(`It holds more than ${MAX_ZIP_ENTRIES.toLocaleString('en')} entries.`);
        declared.set(file.name, file.originalSize);
        compressed.set(file.name, file.size);
        return false;
      },
    });
  } catch (error) {
    if (error instanceof RefiImportError) throw error;
    throw new RefiImportError(`It is not a readable zip archive (${(error as Error).message}); a .qdpx project is a zip file.`);
  }
  let total = 0;
  for (const [name, size] of declared) {
    if (!wanted(name)) continue;
    if (size > MAX_QDPX_ENTRY) throw new RefiImportError(`“${name.slice(0, 80)}” is too large (${Math.round(size / 1048576)} MB; at most ${MAX_QDPX_ENTRY / 1048576} MB).`);
    total += size;
  }
  if (total > MAX_QDPX_READ) throw new RefiImportError(`Its text is too large (${Math.round(total / 1048576)} MB once uncompressed; at most ${MAX_QDPX_READ / 1048576} MB).`);

  const files = new Map<string, Uint8Array>();
  let refusal: RefiImportError | undefined;
  const unzip = new Unzip((file) => {
    if (refusal || !wanted(file.name)) return;
    if (!safeEntryName(file.name)) {
      refusal = new RefiImportError(`It holds an entry named “${file.name.slice(0, 80)}”, which leaves the archive; such a file is refused.`);
      return;
    }
    const limit = declared.get(file.name);
    if (limit === undefined) {
      refusal = new RefiImportError(`Its entry “${file.name.slice(0, 80)}” is not in its directory: the archive is damaged or forged.`);
      return;
    }
    const packed = Math.max(1, compressed.get(file.name) ?? 1);
    if (limit > RATIO_FREE_BYTES && limit > MAX_ZIP_RATIO * packed) {
      refusal = new RefiImportError(`“${file.name.slice(0, 80)}” is compressed ${Math.round(limit / packed)} times (a zip bomb?).`);
      return;
    }
    const chunks: Uint8Array[] = [];
    let length = 0;
    file.ondata = (error, data, final) => {
      if (refusal) return;
      if (error) {
        refusal = new RefiImportError(`“${file.name.slice(0, 80)}” cannot be uncompressed (${error.message}).`);
        return;
      }
      length += data.length;
      if (length > limit) {
        refusal = new RefiImportError(`“${file.name.slice(0, 80)}” is larger than the archive says (a zip bomb?).`);
        return;
      }
      chunks.push(data);
      if (final) files.set(file.name, concat(chunks, length));
    };
    try {
      file.start();
    } catch (error) {
      refusal = new RefiImportError(`“${file.name.slice(0, 80)}” cannot be uncompressed (${(error as Error).message}).`);
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !refusal; at += CHUNK) unzip.push(bytes.subarray(at, Math.min(bytes.length, at + CHUNK)), at + CHUNK >= bytes.length);
  } catch (error) {
    refusal ??= new RefiImportError(`It is not a readable zip archive (${(error as Error).message}).`);
  }
  if (refusal) throw refusal;
  return { names: new Set(declared.keys()), files };
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
