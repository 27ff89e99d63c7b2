/**
 * The `e2e` section of bench/results.json: the per-client figures of the last `npm run bench:e2e`
 * (bench/results-e2e.json holds every run), so one file answers `e2e.<client>.maxEventsPerSec`
 * and `e2e.<client>.latencyMs.p50/p99`. `npm run bench` copies it in when it writes
 * results.json; `npm run bench:e2e` refreshes it there after each run.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const E2E_RESULTS = fileURLToPath(new URL('./results-e2e.json', import.meta.url));
export const ENGINE_RESULTS = fileURLToPath(new URL('./results.json', import.meta.url));

type ClientResult = {
  maxEventsPerSec: number;
  maxEventsPerSecMin: number;
  maxEventsPerSecMax: number;
  eventsPerWorkerCpuSec: number;
  /** The same runs from the worker's first batch, JIT warm-up included (since the fifteenth session). */
  coldStartEventsPerSec?: number;
  latencyMs?: { p50: number; p99: number; p50Range?: number[]; p99Range?: number[]; atEventsPerSec: number };
  /** The same throughput runs with more worker processes in the group (since the nineteenth session). */
  scaled?: { workers: number; throughputWarmupEvents: number; maxEventsPerSec: number; maxEventsPerSecMin: number; maxEventsPerSecMax: number; eventsPerWorkerCpuSec: number };
};

export type E2eSummary = {
  source: string;
  measuredAt: string;
  config: Record<string, unknown>;
} & Record<string, unknown>;

/** The summary of an e2e results file, or null when there is none (never run on this checkout). */
export function e2eSummary(file = E2E_RESULTS): E2eSummary | null {
  if (!existsSync(file)) return null;
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { generatedAt: string; config: Record<string, unknown>; e2e: Record<string, ClientResult> };
  const clients = Object.fromEntries(
    Object.entries(raw.e2e).map(([client, r]) => [
      client,
      {
        maxEventsPerSec: r.maxEventsPerSec,
        maxEventsPerSecMin: r.maxEventsPerSecMin,
        maxEventsPerSecMax: r.maxEventsPerSecMax,
        eventsPerWorkerCpuSec: r.eventsPerWorkerCpuSec,
        ...(r.coldStartEventsPerSec !== undefined && { coldStartEventsPerSec: r.coldStartEventsPerSec }),
        ...(r.latencyMs !== undefined && { latencyMs: r.latencyMs }),
        ...(r.scaled !== undefined && {
          scaled: {
            workers: r.scaled.workers,
            throughputWarmupEvents: r.scaled.throughputWarmupEvents,
            maxEventsPerSec: r.scaled.maxEventsPerSec,
            maxEventsPerSecMin: r.scaled.maxEventsPerSecMin,
            maxEventsPerSecMax: r.scaled.maxEventsPerSecMax,
            eventsPerWorkerCpuSec: r.scaled.eventsPerWorkerCpuSec,
          },
        }),
      },
    ]),
  );
  const { events, throughputWarmupEvents, runs, latencyRuns, rate, seconds, workers } = raw.config;
  return {
    source: 'bench/results-e2e.json (npm run bench:e2e)',
    measuredAt: raw.generatedAt,
    config: { events, throughputWarmupEvents: throughputWarmupEvents ?? 0, runs, latencyRuns, rate, seconds, workers },
    ...clients,
  };
}

/** Puts the summary of `e2eFile` into the engine results file, if that file exists. */
export function refreshE2eSection(e2eFile = E2E_RESULTS, resultsFile = ENGINE_RESULTS): boolean {
  if (!existsSync(resultsFile)) return false;
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, unknown>;
  results.e2e = e2eSummary(e2eFile);
  writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  return true;
}
