/**
 * What an inspector's action does to an alert's status, pure. A dismissed alert is closed:
 * only notes may follow. Acknowledging twice, or escalating an escalated alert, is refused so
 * two inspectors racing on one alert learn that someone was first.
 */
import type { ActionType, AlertStatus } from './types.js';

export type Transition = { ok: true; status: AlertStatus } | { ok: false; message: string };

export function nextStatus(from: AlertStatus, action: ActionType): Transition {
  if (action === 'note') return { ok: true, status: from };
  if (from === 'dismissed') return { ok: false, message: `alert is dismissed; only notes may be added` };
  switch (action) {
    case 'ack':
      return from === 'open' ? { ok: true, status: 'acknowledged' } : { ok: false, message: `alert is ${from}; only an open alert can be acknowledged` };
    case 'escalate':
      return from === 'escalated' ? { ok: false, message: 'alert is already escalated' } : { ok: true, status: 'escalated' };
    case 'dismiss':
      return { ok: true, status: 'dismissed' };
  }
}
