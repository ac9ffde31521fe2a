/**
 * Child process of notes-lock.test.ts: opens the notes through the real services and prints
 * their status as one JSON line. If it got the notes, it keeps them open until killed.
 * Usage: node --import tsx lock-holder.ts <corpus.sqlite> <user.sqlite>
 */
import fs from 'node:fs';
import { createServices } from '../../../../electron/node/services/create-services';

const [corpusFile, userDbFile] = process.argv.slice(2);
if (!corpusFile || !userDbFile) throw new Error('usage: lock-holder <corpus> <user-db>');

const services = createServices({ corpusFile, userDbFile });
const status = services.getUserDataStatus(undefined);
fs.writeSync(1, `${JSON.stringify({ pid: process.pid, state: status.state, code: status.code, message: status.message })}\n`);
if (status.state === 'open') setInterval(() => {}, 60_000);
else services.close();
