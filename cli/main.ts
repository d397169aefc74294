import { parseArgs } from 'node:util';
import type { CliIo } from './cliIo';

const USAGE = `hashiya — Arabic news annotation, on the command line

  hashiya convert INPUT... --from FMT --to FMT [-o OUT] [--map A=B,...] [--annotator NAME] [--labels L1,L2,...] [--nested] [--doccano-column entities|label] [--skip-invalid]
                  [--layer NAME|each|all] [--documents all|done|reviewed] [--include-untouched]
  hashiya validate INPUT... --format FMT
  hashiya stats INPUT... --format FMT [--json]
  hashiya agree FILE FILE [FILE...] [--format FMT] [--json] [--map A=B,...]
  hashiya claims INPUT... [--format FMT] [--by source|outlet] [--csv|--json]
  hashiya backup verify FILE...
  hashiya restore FILE -o OUT [--to FMT] [--annotator NAME | --all-layers]
  hashiya suggest INPUT... --train GOLD [--train GOLD...] --format FMT [--train-format FMT] [--to FMT] [-o OUT] [--recommender matcher|tagger|model|combined|all]
                  [--model DIR [--model-map TYPE=LABEL,...]] [--labels L1,L2,...] [--eval [--json]]
  hashiya server init URL --project NAME [--admin-user NAME...]
  hashiya server add-member URL --project NAME --user USER --role annotator|adjudicator|admin [--remove]
  hashiya server members URL --project NAME

Formats: txt, jsonl, doccano, labelstudio, brat, conll. -o names a folder for brat and txt
(one file per document); other formats write one file, to stdout when -o is omitted.
--labels picks the labels CoNLL writes (overlapping spans are left out and counted);
--nested writes nested spans as extra CoNLL tag columns instead. --doccano-column picks the
column doccano spans go in: entities (the default: objects with ids, and relations, as
doccano's relation import reads them) or label ([start, end, "LABEL"], what a sequence
labelling project reads by default; it holds no relations). convert never mixes annotators'
layers in a record: --layer NAME writes that annotator's, each (the default) a record per document
and layer, all every layer in one record (each span naming its annotator); --documents keeps those
whose meta.status is done, or whose meta.reviewed is true; documents with no spans and no status in
the layer are left out unless --include-untouched. A summary ends on stderr. Offsets in every file are Unicode
code points, end exclusive (Python's text[start:end]). Problems print as FILE:LINE: message;
the exit status is 1 when there is any. agree compares annotators (a span's annotator, else its
document's, else the file name) over documents matched by the SHA-256 of their text; its
--format defaults to jsonl. backup verify checks a backup of the app's library whole (its
checksum, counts and every row) and says what it holds. restore writes a backup's documents
with one annotator's spans (the backup's own annotator unless --annotator says; --all-layers:
every annotator's) in FMT (default jsonl), writing nothing if the backup has any problem.
suggest learns from the --train gold (its labels, or those --labels names) with the string
matcher and the sequence tagger, runs the token-classification model in the --model folder
(ONNX; its types mapped as the app guesses, PER and ORG to actor, LOC and GPE to place, and
--model-map TYPE=LABEL over that, an empty LABEL leaving the type out; --recommender model
needs no --train), and writes INPUT's documents with the suggestions as their spans,
annotator suggest:matcher, suggest:tagger, suggest:model or suggest:combined (--recommender;
the default is combined, all writes every one), in --to (default --format); --eval prints each
one's exact span precision, recall and F1 per label against INPUT's own spans instead
(--json for a machine), and writes the documents only with -o. claims gives the claims of INPUT
(default jsonl) as the app's claims view does: the sources × outlets matrix and every claim grouped
--by source (the default) or outlet; --csv writes them as CSV, --json as JSON with the matrix and
the entities; offsets in code points. server init makes a team's project on the CouchDB server at
URL, or brings it up to date: the database NAME, Hashiya's design document (its validate_doc_update
lets an annotator write only their own layer and statuses, an adjudicator also gold and decisions,
an admin the label set and documents) and _security (roles NAME.annotator, NAME.adjudicator,
NAME.admin are members, NAME.admin and each --admin-user administer it); it keeps whoever
_security already lists and can be run again. server add-member gives USER the role NAME.ROLE in
the server's _users, keeping their other roles (--remove takes it away), and makes the user when
missing, with the password in HASHIYA_MEMBER_PASSWORD or typed twice on the terminal; server
members lists who has which role in NAME. The server admin's name and password are read from
HASHIYA_COUCHDB_USER and HASHIYA_COUCHDB_PASSWORD, else asked on the terminal; never give them
in the URL.`;

/** Runs the command line, writing through `io`; returns the exit status. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    // The whole argv, so that `hashiya --help` is read as the option it is, not as a command.
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        format: { type: 'string' },
        output: { type: 'string', short: 'o' },
        map: { type: 'string' },
        annotator: { type: 'string' },
        labels: { type: 'string' },
        json: { type: 'boolean' },
        nested: { type: 'boolean' },
        'doccano-column': { type: 'string' },
        'skip-invalid': { type: 'boolean' },
        'all-layers': { type: 'boolean' },
        layer: { type: 'string' },
        documents: { type: 'string' },
        'include-untouched': { type: 'boolean' },
        train: { type: 'string', multiple: true },
        'train-format': { type: 'string' },
        recommender: { type: 'string' },
        model: { type: 'string' },
        'model-map': { type: 'string' },
        eval: { type: 'boolean' },
        by: { type: 'string' },
        csv: { type: 'boolean' },
        project: { type: 'string' },
        'admin-user': { type: 'string', multiple: true },
        user: { type: 'string' },
        role: { type: 'string' },
        remove: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    io.err(`${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const {
    values,
    positionals: [command, ...positionals],
  } = parsed;
  if (values.help || command === 'help') {
    io.out(`${USAGE}\n`);
    return 0;
  }
  if (!command) {
    io.out(`${USAGE}\n`);
    return 2;
  }
  if (!positionals.length) {
    io.err(`hashiya ${command}: name at least one input file or folder\n`);
    return 2;
  }
  try {
    // Each command is imported when it is run: the backup commands bring in zod, whose
    // evaluation would add 10-20 ms to every start, --help and convert included.
    switch (command) {
      case 'convert':
        return await (await import('./convert')).convert(positionals, values, io);
      case 'validate':
        return await (await import('./validate')).validate(positionals, values, io);
      case 'stats':
        return await (await import('./stats')).stats(positionals, values, io);
      case 'agree':
        return await (await import('./agree')).agree(positionals, values, io);
      case 'claims':
        return await (await import('./claims')).claims(positionals, values, io);
      case 'backup':
        return await (await import('./backup')).backup(positionals, io);
      case 'restore':
        return await (await import('./restore')).restore(positionals, values, io);
      case 'suggest':
        return await (await import('./suggest')).suggest(positionals, values, io);
      case 'server':
        return await (await import('./server')).server(positionals, values, io);
      default:
        io.err(`hashiya: unknown command "${command}"\n\n${USAGE}\n`);
        return 2;
    }
  } catch (error) {
    // Every mistake of the user's is reported by the command itself; what arrives here is a bug,
    // told in one line with the conventional status for one (EX_SOFTWARE), not as a stack trace.
    io.err(`hashiya: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
