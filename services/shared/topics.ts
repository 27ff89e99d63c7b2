/** The topic layout: every live.* topic and supervisor.state share one partition count. */
import { INPUT_TOPICS, TOPICS } from '../engine/contracts/topics.js';
import type { Admin, TopicSpec } from './kafka/port.js';

export function topicSpecs(partitions: number): TopicSpec[] {
  return [
    ...INPUT_TOPICS.map((topic) => ({ topic, numPartitions: partitions })),
    { topic: TOPICS.alerts, numPartitions: partitions },
    { topic: TOPICS.dlq, numPartitions: partitions },
    // Snapshots of room state, one per room key; the partition matches the room's input partition.
    { topic: TOPICS.state, numPartitions: partitions, configs: { 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': '0.1', 'segment.ms': '600000' } },
  ];
}

export async function ensureTopics(admin: Admin, partitions: number): Promise<{ created: string[]; existing: string[] }> {
  const result = await admin.ensureTopics(topicSpecs(partitions));
  const counts = await admin.partitionCounts([...INPUT_TOPICS, TOPICS.state]);
  const distinct = new Set(Object.values(counts));
  if (distinct.size > 1) {
    throw new Error(`live.* and supervisor.state must share one partition count for co-partitioning; found ${JSON.stringify(counts)}`);
  }
  return result;
}
