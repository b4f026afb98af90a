// `npm run bench [-- --quick]` (or BENCH_QUICK=1): every figure of issue 8 with
// its target, printed as Markdown tables and written to bench-results.json
// (git-ignored). Full mode: < 10 min on 2 cores; quick mode: ~2-3 min, with
// fewer samples and a smaller second table size (marked in the output).
// Phases share one local stack; the scale phase runs last because it stops the
// stream poller (100k seeded return requests must not become 100k emails).
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import path from 'node:path';
import { checkJava, ensureDynamoDbLocal, projectRoot } from '#infra/local/setup';
import { startLocalStack } from '#infra/local/stack';
import { bundlesSection, flowsSection, initSection, operationsSection, overheadSection, returnStatusSection, scaleSection, streamSection } from './report.ts';
import { measureWebFirstLoad, webFirstLoadSection } from './web-first-load.ts';

const quick = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const MODE: {
  name: string;
  initRuns: number;
  scaleSmall: number;
  scaleLarge: number;
  scaleSamples: { small: number; large: number };
  emails: number;
  overheadRequests: number;
} = quick
  ? { name: 'quick', initRuns: 30, scaleSmall: 1_000, scaleLarge: 10_000, scaleSamples: { small: 30, large: 15 }, emails: 20, overheadRequests: 200 }
  : { name: 'full', initRuns: 40, scaleSmall: 1_000, scaleLarge: 100_000, scaleSamples: { small: 30, large: 10 }, emails: 50, overheadRequests: 500 };

const BEGIN = '<!-- bench:begin (written by npm run bench) -->';
const END = '<!-- bench:end -->';
// `--init-samples=N` checks the machinery on a busy machine; a published run keeps the mode's count (the header says which).
const initOverride = Number(process.argv.find((arg) => arg.startsWith('--init-samples='))?.split('=')[1]);
if (initOverride > 0) Object.assign(MODE, { initRuns: initOverride });
// `--flows`: only the business flows and the return status table, printed, nothing written (a quick look at a change of cost).
const flowsOnly = process.argv.includes('--flows');
const started = Date.now();
const log = (line: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(3)} s] ${line}`);
// The bench's own process logs warnings only (the in-process notify handler would fill the screen); child processes keep the default.
process.env.POWERTOOLS_LOG_LEVEL = 'WARN';

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? '?',
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  loadAverageAtStart: loadavg().map((l) => Number(l.toFixed(2))),
};

log(`mode ${MODE.name}; ${machine.cpus} × ${machine.cpuModel}, load ${machine.loadAverageAtStart.join(' ')}`);
const java = await checkJava();
if (!java.ok) throw new Error(java.message);
await ensureDynamoDbLocal(log);

log('web app: first-load budget');
const webFirstLoad = flowsOnly ? undefined : measureWebFirstLoad();

log('starting the local stack');
const stack = await startLocalStack({ ports: { api: 'auto', dynamodb: 'auto', s3: 'auto', ses: 'auto' }, quiet: true });
const sections: string[] = [];
const results: Record<string, unknown> = { mode: MODE, machine, date: new Date().toISOString() };
try {
  // Imported after the stack set the environment: SDK clients read endpoints when created.
  const { measureInit } = await import('./init-time.ts');
  const { calibrateTransactionalFactor, installMeters } = await import('./meter.ts');
  const { runOperations } = await import('./operations.ts');
  const { runFlow } = await import('./flows.ts');
  const { FLOWS } = await import('./flow-catalogue.ts');
  const { measureStreamEmail } = await import('./stream-email.ts');
  const { measureApiOverhead } = await import('./api-overhead.ts');
  const { measureScale } = await import('./scale.ts');
  // After the stack too: the CDK app it synthesizes loads the handlers' environment module (shared/adapters/env.ts, read once).
  const { buildBundles } = await import('./bundles.ts');

  if (webFirstLoad) {
    log('1. building bundles');
    const bundles = await buildBundles(log);
    results.bundles = bundles.map(({ dir, referenceDir, ...rest }) => rest);
    results.webFirstLoad = webFirstLoad;
    sections.push(bundlesSection(bundles), webFirstLoadSection(webFirstLoad));

    log(`2. init time, ${MODE.initRuns} runs × ${bundles.length} functions × 2`);
    const init = await measureInit(bundles, MODE.initRuns, log);
    results.init = init;
    sections.push(initSection(init, MODE.initRuns));
  }

  installMeters();
  const transactional = await calibrateTransactionalFactor();
  if (!flowsOnly) {
    log('3-4. round trips and capacity per operation');
    const operations = await runOperations({ transactional }, log);
    results.operations = { transactionalFactor: transactional, operations };
    sections.push(operationsSection(operations, transactional));
  }

  log('0. business flows');
  const flows = [];
  for (const flow of FLOWS) {
    const result = await runFlow(flow, transactional);
    log(`  ${flow.name}: ${result.trips} trips, WCU ${result.writeUnits} / floor ${result.floorWriteUnits}`);
    flows.push(result);
  }
  results.flows = flows.map(({ steps, ...rest }) => ({ ...rest, steps: steps.map((s) => ({ label: s.label, trips: s.trips })) }));
  sections.unshift(flowsSection(flows), returnStatusSection(flows));
  if (flowsOnly) {
    await stack.stop();
    console.log(sections.join('\n\n'));
    process.exit(0);
  }

  log(`6. stream → email, ${MODE.emails} changes`);
  const stream = await measureStreamEmail(MODE.emails, stack.urls.api, stack.urls.ses, log);
  results.streamEmail = stream;

  log(`7. local API overhead, ${MODE.overheadRequests} requests per side`);
  const overhead = await measureApiOverhead(MODE.overheadRequests, stack.urls.api);
  results.apiOverhead = overhead;

  log(`5. scale: ${MODE.scaleSmall} → ${MODE.scaleLarge} items per list (stream poller stopped)`);
  await stack.poller.stop();
  const scale = await measureScale(MODE.scaleSmall, MODE.scaleLarge, MODE.scaleSamples, log);
  results.scale = scale;
  const scaleNote = quick
    ? `Quick mode: the second size is ${MODE.scaleLarge.toLocaleString('en')} items per type, not 100,000 (run \`npm run bench\` for the full figure).`
    : `${MODE.scaleLarge.toLocaleString('en')} orders and ${MODE.scaleLarge.toLocaleString('en')} return requests in the table at the large size.`;
  sections.push(scaleSection(scale, scaleNote), streamSection(stream), overheadSection(overhead));
} finally {
  await stack.stop();
}

results.durationSeconds = Math.round((Date.now() - started) / 1000);
results.loadAverageAtEnd = loadavg().map((l) => Number(l.toFixed(2)));
const header = `## Benchmarks (${MODE.name} mode, ${MODE.initRuns} init samples, ${new Date().toISOString().slice(0, 10)}, ${machine.cpus} × ${machine.cpuModel}, ${machine.memoryGiB} GiB, Node ${machine.node}, load average ${machine.loadAverageAtStart.join(' ')} → ${(results.loadAverageAtEnd as number[]).join(' ')}, ${results.durationSeconds} s)`;
const markdown = [header, ...sections].join('\n\n');
console.log(markdown);
writeFileSync(path.join(projectRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
// The tables of RESULTS.md are this run's, written between its markers: one run, pasted by the bench itself.
const resultsFile = path.join(projectRoot, 'test', 'bench', 'RESULTS.md');
const [before, rest] = readFileSync(resultsFile, 'utf8').split(BEGIN);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) throw new Error(`bench: ${resultsFile} lacks its ${BEGIN} … ${END} markers`);
writeFileSync(resultsFile, `${before}${BEGIN}\n${markdown}\n${END}${after}`);
log('wrote bench-results.json and the tables of test/bench/RESULTS.md');
// SDK keep-alive sockets and the emulators' handles must not keep the process up.
process.exit(0);
