/**
 * Ordered startup steps with guaranteed teardown (falco's run_steps / teardown_steps): start in
 * order, stop in reverse, always. A step that fails to start stops everything started before it.
 */
import type { Logger } from './log.js';

export type Step = { name: string; start(): Promise<void>; stop(): Promise<void> };

export async function runSteps(steps: readonly Step[], signal: AbortSignal, log: Logger): Promise<void> {
  const started: Step[] = [];
  try {
    for (const step of steps) {
      if (signal.aborted) break;
      await step.start();
      started.push(step);
      log.debug({ step: step.name }, 'step started');
    }
    if (!signal.aborted) await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
  } finally {
    for (const step of started.reverse()) {
      await step.stop().catch((err: unknown) => log.error({ err, step: step.name }, 'step failed to stop'));
      log.debug({ step: step.name }, 'step stopped');
    }
  }
}
