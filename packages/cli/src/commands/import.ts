/**
 * `groundwork import`: tasks from CSV or JSONL, and images with annotations (COCO, YOLO, Pascal VOC, Label
 * Studio) as tasks, pre-labeled tasks or gold tasks — sent in chunks to a running server, resumable, safe to
 * run twice, ending with a report of what was created, skipped and failed.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { type ApiTarget, getOrg, getProject, RemoteApiError } from '../api-client.ts';
import { type CliIo, printResult } from '../context.ts';
import { CliError, UsageError } from '../errors.ts';
import { detectFormat } from '../import-sources/detect.ts';
import { type ImportReport, type ImportTarget, runImport } from '../import-sources/run.ts';
import { IMPORT_FORMATS, type ImportFormat, type ImportProblem } from '../import-sources/types.ts';
import { readSecret } from '../secrets.ts';

const HELP = `
Formats (--format; by default from the input):
  csv          .csv             a header row naming the fields: attachment, unique_id, instruction, priority,
                                callback_url, batch, project, tags (;-separated), metadata.<key>, params.<key>
                                or any other column of the type's params; a cell starting with [ or { is JSON
  jsonl        .jsonl, .ndjson  one task body per line, as for creating a task
  coco         .json            COCO object detection (images, annotations, categories)
  labelstudio  .json            a Label Studio JSON export (a list of tasks)
  yolo         a directory      classes.txt or data.yaml, labels/<image>.txt, images/ (or --images)
  voc          .xml, a directory  Pascal VOC XML files (Annotations/*.xml), JPEGImages/ (or --images)

What to create (--as):
  tasks      a task per row (CSV, JSONL) or per image                      (default for csv, jsonl)
  prelabels  a task per image with its annotations as base_annotations    (default for image formats)
             (imageannotation projects)
  gold       a gold task per image with its annotations as the expected answer (--gold-kind)

Images named by an annotation file are looked for in --images, next to the file (COCO, Label Studio) or in
its images/ or JPEGImages/ folder, and uploaded once; an image that is a URL (or an exported file reference)
is used as it is. A task made from an image has the unique_id "<format>:<project>/<image file name>"
(Label Studio: "labelstudio:<project>/<task id>"), so each image becomes one task per project.

Rows are sent in chunks (--chunk-size): good rows are created, bad ones are reported by line, and rows whose
unique_id already exists are skipped — importing the same file twice creates each task once. Gold is
skipped for an image that already has a gold task in the project.

State file: progress is recorded after every chunk in .<input name>.groundwork-import.json next to the input
(beside it, for a directory). After an interruption run the same command with --resume to continue after
the last completed chunk. The file is kept when the import ends, so that a re-run reuses the images already
uploaded; delete it to forget them.

Exit status: 0 when every row was created or skipped, 1 when any failed or the import stopped, 2 for a
usage error. --report <file> writes the report as JSON.

Examples:
  groundwork import tasks.csv --project receipts --batch week-12
  groundwork import instances_val.json --project street-scenes --images ./val2017
  groundwork import ./yolo-export --project street-scenes --as gold
  groundwork import tasks.csv --project receipts --resume`;

interface ImportOptions {
  project?: string;
  type?: string;
  batch?: string;
  format?: ImportFormat;
  as?: ImportTarget;
  goldKind: 'evaluation' | 'training';
  images?: string;
  resume?: boolean;
  report?: string;
  chunkSize: number;
  url?: string;
  key?: string;
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) {
    throw new InvalidArgumentError('expected a whole number from 1 to 100000');
  }
  return n;
}

/** The `import` command. */
export function importCommand(io: CliIo): Command {
  return new Command('import')
    .description(
      'create tasks, pre-labeled tasks or gold tasks from CSV, JSONL, COCO, YOLO, Pascal VOC or Label Studio files',
    )
    .argument(
      '<input>',
      'file (a directory for YOLO or VOC) to import; "-" reads JSONL (or --format csv) from standard input',
    )
    .option(
      '--project <name>',
      'project to import into; its type is the task type (required for prelabels and gold)',
    )
    .option(
      '--type <type>',
      "task type of every row, when --project does not give it (rows then name their project, or go to the type's default project)",
    )
    .option('--batch <name>', 'batch of rows that name none')
    .addOption(
      new Option('--format <format>', 'input format [default: from the input]').choices(IMPORT_FORMATS),
    )
    .addOption(
      new Option('--as <what>', 'what to create from each row or image').choices([
        'tasks',
        'prelabels',
        'gold',
      ]),
    )
    .addOption(
      new Option('--gold-kind <kind>', 'kind of gold tasks (--as gold)')
        .choices(['evaluation', 'training'])
        .default('evaluation'),
    )
    .option('--images <dir>', 'folder of the images an annotation file names (uploaded once each)')
    .option('--resume', 'continue an interrupted import after its last completed chunk (see "State file")')
    .option('--report <file>', 'also write the report as JSON to this file')
    .option('--chunk-size <rows>', 'rows (or images) per request', positiveInteger, 1000)
    .option('--url <url>', 'server URL [env GROUNDWORK_URL, default http://localhost:8080]')
    .option('--key <key>', 'API key [env GROUNDWORK_API_KEY or GROUNDWORK_API_KEY_FILE]')
    .addHelpText('after', HELP)
    .action(async (input: string, opts: ImportOptions) => {
      const target = apiTarget(io, opts);
      checkInput(input, opts);
      const format = opts.format ?? detectFormat(input);
      const imageFormat = format !== 'csv' && format !== 'jsonl';
      const as = opts.as ?? (imageFormat ? 'prelabels' : 'tasks');
      if (!imageFormat && as !== 'tasks') {
        throw new UsageError(
          `--as ${as} needs images with annotations (coco, yolo, voc or labelstudio), not ${format}`,
        );
      }
      if (input === '-' && imageFormat) throw new UsageError(`${format} cannot be read from standard input`);
      if (input === '-' && opts.resume)
        throw new UsageError('--resume needs a file: standard input has no state file');
      if (as !== 'tasks' && opts.project === undefined) throw new UsageError(`--as ${as} needs --project`);
      if (opts.project === undefined && opts.type === undefined) {
        throw new UsageError('pass --project (or --type, for rows that name their own project)');
      }
      try {
        const org = await getOrg(target);
        const type = opts.type ?? (await getProject(target, opts.project as string)).type;
        if (as === 'prelabels' && type !== 'imageannotation') {
          throw new UsageError(
            `--as prelabels needs an imageannotation project; ${opts.project ?? 'the type'} is ${type}`,
          );
        }
        const report = await runImport({
          target,
          input,
          stdin: process.stdin,
          format,
          as,
          type,
          project: opts.project,
          batch: opts.batch,
          goldKind: opts.goldKind,
          imagesDir: opts.images,
          chunkSize: opts.chunkSize,
          resume: opts.resume === true,
          org: { id: org.id, environment: org.environment },
          stderr: io.stderr as NodeJS.WritableStream & { isTTY?: boolean },
        });
        finish(io, report, opts.report);
      } catch (error) {
        if (!(error instanceof RemoteApiError)) throw error;
        const details = error.details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message));
        throw new CliError(error.message, { details });
      }
    });
}

function apiTarget(io: CliIo, opts: ImportOptions): ApiTarget {
  const url = opts.url ?? (io.env.GROUNDWORK_URL || 'http://localhost:8080');
  if (!/^https?:\/\//i.test(url))
    throw new UsageError(`--url: expected an http(s) URL, got ${JSON.stringify(url)}`);
  const key = opts.key ?? readSecret(io.env, 'GROUNDWORK_API_KEY');
  if (!key) throw new UsageError('no API key: pass --key or set GROUNDWORK_API_KEY');
  return { url, key };
}

function checkInput(input: string, opts: ImportOptions): void {
  if (input === '-') return;
  if (!existsSync(input)) throw new CliError(`cannot read ${input}: ENOENT`);
  if (opts.images !== undefined && !(existsSync(opts.images) && statSync(opts.images).isDirectory())) {
    throw new UsageError(`--images: ${opts.images} is not a directory`);
  }
}

/** A problem as one line of the report: where, then the field, then what is wrong. */
export function describeProblem(problem: ImportProblem): string {
  const where = [
    problem.file,
    problem.line !== undefined ? `line ${problem.line}` : undefined,
    problem.item !== undefined && problem.file === undefined ? `image ${problem.item}` : undefined,
  ]
    .filter(Boolean)
    .join(' ');
  const what = problem.path ? `${problem.path}: ${problem.message}` : problem.message;
  return where ? `${where}: ${what}` : what;
}

const SHOWN_PROBLEMS = 200;

/** Prints the report (and writes it as JSON when asked); fails with exit status 1 when anything failed. */
function finish(io: CliIo, report: ImportReport, reportFile: string | undefined): void {
  const into = report.project ? `project ${JSON.stringify(report.project)}` : `${report.type} tasks`;
  const what =
    report.as === 'gold' ? 'gold tasks' : report.as === 'prelabels' ? 'pre-labeled tasks' : 'tasks';
  printResult(
    io,
    `${report.input} → ${into} (${what}): created ${report.created}, skipped ${report.skipped}, failed ${report.failed}`,
  );
  for (const problem of report.problems.slice(0, SHOWN_PROBLEMS))
    printResult(io, `  ${describeProblem(problem)}`);
  if (report.problems.length > SHOWN_PROBLEMS) {
    printResult(
      io,
      `  … and ${report.problems.length - SHOWN_PROBLEMS} more${reportFile ? ` (all in ${reportFile})` : ' (--report <file> lists them all)'}`,
    );
  }
  if (reportFile) writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  if (report.failed > 0) {
    throw new CliError(`${report.failed} row(s) or image(s) were not imported; see the report above`);
  }
}
