/**
 * `ai-anchor-label`: a digital-human anchor must carry a continuous AI label. Fires on a room
 * event that shows a digital human with aiLabelShown === false (including a label switched off
 * mid-session, or a human anchor replaced by an unlabelled digital human), and again at most
 * once per `refireMinutes` while the room stays unlabelled. Unknown label status never fires.
 */
import { z } from 'zod';
import { defineDetector } from './types.js';

const Params = z.strictObject({
  refireMinutes: z.number().int().min(1).max(24 * 60).default(30),
});

type State = { unlabelledSince: string | null; lastFiredAt: number | null; previousLabel: boolean | null };

export const aiAnchorLabel = defineDetector({
  kind: 'ai-anchor-label',
  summary: 'Digital-human anchor shown without (or with a removed) AI-generated-content label.',
  params: Params,
  on: ['room'],
  compile: (p) => ({ refireMs: p.refireMinutes * 60_000 }),
  initial: (): State => ({ unlabelledSince: null, lastFiredAt: null, previousLabel: null }),
  onNewSession: (): State => ({ unlabelledSince: null, lastFiredAt: null, previousLabel: null }),
  evaluate({ event, rule, state }) {
    if (event.type !== 'room') return { state, findings: [] };
    const label = event.aiLabelShown;
    const next: State = { ...state, previousLabel: label };
    if (event.anchorType !== 'digital-human' || label !== false) {
      return { state: { ...next, unlabelledSince: null }, findings: [] };
    }
    const removed = state.previousLabel === true;
    if (!removed && state.lastFiredAt !== null && event.at - state.lastFiredAt < rule.refireMs) {
      return { state: next, findings: [] };
    }
    const since = state.unlabelledSince ?? event.ts;
    return {
      state: { ...next, unlabelledSince: since, lastFiredAt: event.at },
      findings: [
        {
          dedupeKey: `unlabelled:${since}:${event.at}`,
          summary: removed
            ? '数字人主播直播中途移除了“AI生成”标识，涉嫌违反《人工智能生成合成内容标识办法》第十条。 / The AI label of a digital-human anchor was removed mid-session.'
            : '数字人主播未显著标识“AI生成”，涉嫌违反《人工智能生成合成内容标识办法》第四条、第十条。 / A digital-human anchor is shown without an AI label.',
          values: { anchorType: event.anchorType, aiLabelShown: label, labelRemoved: removed, unlabelledSince: since },
        },
      ],
    };
  },
});
