// Runs contenders on one dist, each run in a fresh process, alternating between contenders (run 1 of each,
// then run 2 of each, ...) so that load from anything else on the machine falls on all of them alike.
// Checks what each reported on its first run and summarises: medians of wall time, CPU time and peak RSS.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { commandLine } from './contenders.mjs';
import { measureCommand } from './measure-command.mjs';
import { median } from './stats.mjs';
import { verifyPackwise, verifySizeLimit } from './verify-sizes.mjs';
import { outRoot } from './workloads.mjs';

const log = (message) => console.error(message);
const oneLine = (text) => text.trim().split('\n').slice(-3).join(' | ').slice(0, 400);
const medianOf = (runs, key) => {
  const values = runs.map((run) => run[key]).filter((value) => value !== undefined);
  return values.length ? median(values) : undefined;
};

async function firstRunChecks(contender, workload, result, manifest) {
  // The first run's output is kept for inspection and checked; later runs only time the same work.
  await writeFile(path.join(outRoot, `${contender.name}-${workload.id}.out.json`), result.stdout);
  let parsed;
  try {
    parsed = contender.parse(result.stdout);
  } catch (error) {
    return {
      parseError: `${contender.name} printed no JSON (${error.message}): ${oneLine(result.stdout || result.stderr)}`,
    };
  }
  const isPackwise = contender.name === 'packwise';
  return {
    verification: isPackwise
      ? await verifyPackwise(parsed, manifest, workload)
      : verifySizeLimit(parsed, manifest),
    budgetsChecked: isPackwise ? parsed.results?.length : parsed.checks?.length,
    budgetsPassed: isPackwise
      ? parsed.results?.filter((r) => r.status === 'pass').length
      : parsed.checks?.filter((c) => c.passed).length,
  };
}

/**
 * Runs every contender `runs[name]` times on `workload`; resolves with one summary per contender:
 * `{ name, workload, command, runs, wallMs, cpuMs, peakRssBytes, exitCodes, loadAverage, verification, ... }`.
 */
export async function runChecks(selected, workload, { runs, manifest }) {
  const state = selected.map((contender) => ({
    contender,
    command: contender.command(workload),
    runs: [],
    stderr: '',
  }));
  const rounds = Math.max(...selected.map((c) => runs[c.name]));
  for (let round = 1; round <= rounds; round += 1) {
    for (const entry of state.filter((e) => round <= runs[e.contender.name])) {
      const { contender, command } = entry;
      const total = runs[contender.name];
      log(`[${workload.id}] ${contender.name}: run ${round}/${total}`);
      const result = await measureCommand(command.file, command.args, { cwd: command.cwd });
      entry.runs.push(result);
      log(
        `[${workload.id}] ${contender.name}:   ${(result.wallMs / 1000).toFixed(2)} s wall, ` +
          `${result.cpuMs === undefined ? '?' : (result.cpuMs / 1000).toFixed(1)} s CPU, ` +
          `${result.peakRssBytes === undefined ? '?' : Math.round(result.peakRssBytes / 2 ** 20)} MiB, ` +
          `exit ${result.exitCode ?? result.signal}, load before ${result.loadAverage.toFixed(2)}`,
      );
      if (result.stderr.trim()) entry.stderr = oneLine(result.stderr);
      if (round === 1) Object.assign(entry, await firstRunChecks(contender, workload, result, manifest));
    }
  }
  return state.map((entry) => ({
    name: entry.contender.name,
    workload: workload.id,
    command: commandLine(entry.command),
    wallMs: medianOf(entry.runs, 'wallMs'),
    cpuMs: medianOf(entry.runs, 'cpuMs'),
    peakRssBytes: medianOf(entry.runs, 'peakRssBytes'),
    exitCodes: [...new Set(entry.runs.map((r) => r.exitCode ?? r.signal))],
    loadAverage: {
      min: Math.min(...entry.runs.map((r) => r.loadAverage)),
      max: Math.max(...entry.runs.map((r) => r.loadAverage)),
    },
    runs: entry.runs.map(({ wallMs, cpuMs, peakRssBytes, loadAverage, exitCode, signal }) => ({
      wallMs,
      cpuMs,
      peakRssBytes,
      loadAverage,
      exit: exitCode ?? signal,
    })),
    budgetsChecked: entry.budgetsChecked,
    budgetsPassed: entry.budgetsPassed,
    verification: entry.verification,
    parseError: entry.parseError,
    stderr: entry.stderr,
  }));
}
