import { CorpusOpenError } from '../corpus/corpus-store';
import { collocatesCommand, concordanceCommand, relatedCommand, repeatedCommand, wordListCommand } from './analysis-commands';
import { entitiesCommand } from './entities-command';
import { codingExport, codingImport } from './coding-commands';
import { corpusBuild, corpusEnsure, corpusVerify } from './corpus-commands';
import { notesBackup, notesBackups, notesRestore } from './notes-backup-commands';
import { notesCheck, notesExport, notesImport } from './notes-commands';
import { consoleOutput, type Output } from './output';
import { searchCommand } from './search-command';

const USAGE = `Usage:
  carrel corpus build <sources-folder> --out <file.sqlite> [--title "…"] [--max-file-mb 20]
  carrel corpus ensure <sources-folder> --out <file.sqlite>   (build only if missing or stale)
  carrel corpus verify <file.sqlite>   (check every document against the corpus manifest)
  carrel search '<query>' [--corpus <file.sqlite>] [--limit n] [--json]
  carrel concordance '<query>' [--corpus <file.sqlite>] [--width n] [--sort corpus|keyword|left1|left2|left3|right1|right2|right3] [--limit n] [--json|--csv]
  carrel collocates '<term>' [--corpus <file.sqlite>] [--window n] [--min-count n] [--all-words] [--limit n] [--json]
  carrel wordlist [--corpus <file.sqlite>] [--ngram 1|2|3] [--document <id>]… [--stopwords] [--sort count|word] [--limit n] [--json|--csv]
  carrel related <document-id> [--corpus <file.sqlite>] [--limit n] [--json]
  carrel repeated [--corpus <file.sqlite>] [--min-words n] [--limit n] [--json]   (passages found in more than one place)
  carrel entities [--type person|org|place|date] [--filter <letters>] [--corpus <file.sqlite>] [--limit n] [--json]
  carrel notes export --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--format jsonld|markdown|csv|bibtex|ris|csl-json] [--document <id>] [--tag <tag>] [--style apa|chicago-author-date|mla|harvard] [--only highlights|notes] [--group-by document|tag|colour] [--out <file>]
  carrel notes import <file.jsonld> --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--dry-run]
  carrel notes check --user-db <carrel-user.sqlite>   (schema version, integrity, counts; read-only)
  carrel notes backup --user-db <carrel-user.sqlite>   (a checked copy in backups/)
  carrel notes backups --user-db <carrel-user.sqlite> [--json]   (every backup: date, kind, size, what it holds)
  carrel notes restore <backup-name> --user-db <carrel-user.sqlite>   (the file as it is is kept aside first)
  carrel coding export --format qdpx|qdc|csv --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] --out <file>   (REFI-QDA project or codebook, or CSV)
  carrel coding import <file.qdpx|file.qdc> --user-db <carrel-user.sqlite> [--corpus <file.sqlite>] [--dry-run]   (REFI-QDA project or codebook)`;

const COMMANDS: Record<string, (args: string[], out: Output) => number | Promise<number>> = {
  'corpus build': corpusBuild,
  'corpus ensure': corpusEnsure,
  'corpus verify': corpusVerify,
  search: searchCommand,
  concordance: concordanceCommand,
  collocates: collocatesCommand,
  wordlist: wordListCommand,
  related: relatedCommand,
  repeated: repeatedCommand,
  entities: entitiesCommand,
  'notes export': notesExport,
  'notes check': notesCheck,
  'notes import': notesImport,
  'notes backup': notesBackup,
  'notes backups': notesBackups,
  'notes restore': notesRestore,
  'coding export': codingExport,
  'coding import': codingImport,
};

/** Entry point of the command line; returns the exit code. */
export async function main(argv: string[], out: Output = consoleOutput): Promise<number> {
  // Two-word commands ("corpus build") first, then one-word ones ("search").
  const words = COMMANDS[argv.slice(0, 2).join(' ')] ? 2 : 1;
  const command = Object.hasOwn(COMMANDS, argv.slice(0, words).join(' ')) ? COMMANDS[argv.slice(0, words).join(' ')] : undefined;
  if (!command) {
    out.error(USAGE);
    return 2;
  }
  try {
    return await command(argv.slice(words), out);
  } catch (error) {
    out.error(`carrel: ${(error as Error).message}`);
    if (error instanceof CorpusOpenError && error.outdated) {
      out.error('carrel: rebuild it with "npx carrel corpus build <sources-folder> --out <file.sqlite>" (the same title or carrel-corpus.json keeps its notes).');
    }
    return 1;
  }
}
