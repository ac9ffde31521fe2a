import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/**
 * Reads a SWORD zText module (CompressType=ZIP), as packaged by Debian's sword-text-*:
 * <testament>.bzs: per block u32 offset, u32 compressed size, u32 uncompressed size;
 * <testament>.bzv: per verse slot u32 block, u32 offset in the block, u16 size;
 * <testament>.bzz: the zlib-compressed blocks. Slots follow the versification: module and
 * testament headings, then per book a heading and per chapter a heading and its verses.
 * Returns the raw (OSIS) text of every slot, '' for empty ones.
 */
export function readZText(moduleDir: string, testament: 'ot' | 'nt'): string[] {
  const bzs = fs.readFileSync(path.join(moduleDir, `${testament}.bzs`));
  const bzv = fs.readFileSync(path.join(moduleDir, `${testament}.bzv`));
  const bzz = fs.readFileSync(path.join(moduleDir, `${testament}.bzz`));
  const blocks = new Map<number, Buffer>();
  const block = (n: number): Buffer => {
    let data = blocks.get(n);
    if (!data) {
      const offset = bzs.readUInt32LE(n * 12);
      const size = bzs.readUInt32LE(n * 12 + 4);
      data = zlib.inflateSync(bzz.subarray(offset, offset + size));
      blocks.set(n, data);
    }
    return data;
  };
  const slots: string[] = [];
  for (let at = 0; at + 10 <= bzv.length; at += 10) {
    const blockNumber = bzv.readUInt32LE(at);
    const offset = bzv.readUInt32LE(at + 4);
    const size = bzv.readUInt16LE(at + 8);
    slots.push(size === 0 ? '' : block(blockNumber).subarray(offset, offset + size).toString('utf8'));
  }
  return slots;
}
