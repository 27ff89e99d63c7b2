import type { AlertEnvelope } from '../../services/engine/contracts/alert.js';

/** A minimal valid alert envelope for store tests. */
export function fakeAlert(id: string, over: { platform?: string | null; occurrences?: number; category?: string; severity?: string; roomId?: string } = {}): AlertEnvelope {
  return {
    specversion: '1.0',
    id,
    source: 'supervisor/engine',
    type: 'supervisor.alert.v1',
    subject: over.roomId ?? 'r1',
    time: '2026-11-26T20:00:00+08:00',
    data: {
      ruleId: 'AD.ABSOLUTE_TERMS',
      ruleVersion: 1,
      rulesetVersion: 'v',
      category: (over.category ?? 'violation') as 'violation',
      severity: (over.severity ?? 'medium') as 'medium',
      title: 't',
      summary: 's',
      legalBasis: [],
      room: { roomId: over.roomId ?? 'r1', sessionId: 's1', platform: over.platform === undefined ? 'douyin' : over.platform, streamerId: null },
      occurrences: over.occurrences ?? 1,
      firstSeen: '2026-11-26T20:00:00+08:00',
      lastSeen: '2026-11-26T20:00:00+08:00',
      evidence: { trigger: { topic: 'live.transcript', partition: 0, offset: 1 }, events: [], matches: [], values: {} },
    },
  };
}
