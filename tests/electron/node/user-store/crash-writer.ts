/**
 * Child process of crash.test.ts: writes notes and highlights through the real services in a
 * loop and prints one line per COMMITTED write (fs.writeSync: the line is out before the next
 * write starts). Killed with SIGKILL at random moments by the parent.
 * Usage: node --import tsx crash-writer.ts <corpus.sqlite> <user.sqlite> <run>
 */
import fs from 'node:fs';
import { createServices } from '../../../../electron/node/services/create-services';

const [corpusFile, userDbFile, run] = process.argv.slice(2);
if (!corpusFile || !userDbFile || !run) throw new Error('usage: crash-writer <corpus> <user-db> <run>');

const say = (line: string) => fs.writeSync(1, `${line}\n`);
const services = createServices({ corpusFile, userDbFile });
const documents = services.listDocuments(undefined);
say('ready');

let noteId = '';
for (let n = 1; ; n++) {
  const doc = documents[n % documents.length]!;
  const stamp = `${run}.${n}`;
  if (n % 3 === 1 || !noteId) {
    noteId = services.createDocumentNote({ documentId: doc.id, body: `note ${stamp}`, tags: [`run-${run}`] }).id;
    say(`note ${noteId} ${stamp}`);
  } else if (n % 3 === 2) {
    // Typing in a note: the same note rewritten, as the debounced editor does.
    services.updateDocumentNote({ id: noteId, body: `note ${stamp} edited` });
    say(`edit ${noteId} ${stamp}`);
  } else {
    const text = services.getDocument({ id: doc.id }).text;
    const start = n % Math.max(1, text.length - 10);
    const highlight = services.createHighlight({ documentId: doc.id, start, end: start + 5, color: 'green', note: `highlight ${stamp}` });
    say(`highlight ${highlight.id} ${stamp}`);
  }
}
