/**
 * Dead-letter records: the original bytes unchanged as the value, the original key, and the
 * reason and coordinates in headers, so an operator can read why and replay the fix.
 */
import { TOPICS } from '../engine/contracts/topics.js';
import type { OutRecord, RawRecord } from '../shared/kafka/port.js';

export const DLQ_HEADERS = {
  reason: 'dlq-reason',
  message: 'dlq-message',
  topic: 'dlq-topic',
  partition: 'dlq-partition',
  offset: 'dlq-offset',
} as const;

export function toDlqRecord(rec: RawRecord, code: string, message: string): OutRecord {
  return {
    topic: TOPICS.dlq,
    key: rec.key,
    value: rec.value ?? Buffer.alloc(0),
    partition: rec.partition,
    headers: {
      [DLQ_HEADERS.reason]: code,
      [DLQ_HEADERS.message]: message.slice(0, 1000),
      [DLQ_HEADERS.topic]: rec.topic,
      [DLQ_HEADERS.partition]: String(rec.partition),
      [DLQ_HEADERS.offset]: rec.offset,
    },
  };
}
