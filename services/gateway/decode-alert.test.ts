import { describe, expect, it } from 'vitest';
import { fakeAlert } from '../../tests/harness/fake-alert.js';
import type { RawRecord } from '../shared/kafka/port.js';
import { decodeAlertRecord } from './gateway.js';

const ENVELOPE = fakeAlert('a-1');

const record = (value: string | null, kind?: string): RawRecord => ({
  topic: 'supervisor.alerts',
  partition: 2,
  offset: '7',
  key: null,
  value: value === null ? null : Buffer.from(value),
  headers: kind === undefined ? {} : { 'alert-kind': kind },
  timestamp: 0,
});

describe('decodeAlertRecord', () => {
  it('decodes a valid envelope as it is, with its kind from the header', () => {
    const r = decodeAlertRecord(record(JSON.stringify(ENVELOPE), 'update'));
    expect(r).toEqual({ ok: true, item: { alert: ENVELOPE, kind: 'update' } });
    const n = decodeAlertRecord(record(JSON.stringify(ENVELOPE)));
    expect(n.ok && n.item.kind).toBe('new');
  });

  it('leaves to the schema what the guard turns down: a trigger with an extra key is accepted, stripped', () => {
    const extra = { ...ENVELOPE, data: { ...ENVELOPE.data, evidence: { ...ENVELOPE.data.evidence, trigger: { ...ENVELOPE.data.evidence.trigger, note: 'x' } } } };
    const r = decodeAlertRecord(record(JSON.stringify(extra)));
    expect(r).toEqual({ ok: true, item: { alert: ENVELOPE, kind: 'new' } });
  });

  it('says why a record is not an alert: not JSON, or which fields the schema rejects', () => {
    const notJson = decodeAlertRecord(record('{"specversion":'));
    expect(notJson.ok).toBe(false);
    expect(!notJson.ok && notJson.reason).toMatch(/^not JSON: /);
    expect(decodeAlertRecord(record(null))).toMatchObject({ ok: false, reason: expect.stringMatching(/^not JSON/) });

    const bad = { ...ENVELOPE, data: { ...ENVELOPE.data, severity: 'urgent', occurrences: 0 } };
    const r = decodeAlertRecord(record(JSON.stringify(bad)));
    expect(r.ok).toBe(false);
    const reason = r.ok ? '' : r.reason;
    expect(reason).toMatch(/^not an alert envelope: /);
    expect(reason).toContain('data.severity');
    expect(reason).toContain('data.occurrences');

    const many = decodeAlertRecord(record(JSON.stringify({ specversion: '2.0' })));
    expect(many.ok ? '' : many.reason).toMatch(/; and \d+ more$/);
  });
});
