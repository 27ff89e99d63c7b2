/**
 * Co-partitioned group assignment, pure: partition p of EVERY topic goes to the same member,
 * member[p % n] with members sorted by id. This is what lets one worker own a room whose events
 * arrive on several input topics keyed by roomId (STYLE §8: one writer per room).
 *
 * kafkajs' round-robin assigner walks all topic-partitions as one list, so with 3 topics × 4
 * partitions and 2 members it happens to work, but with 3 members it does not; hence our own.
 * Every member appears in the result, with an empty map if it gets nothing (more members than
 * partitions), so the group leader can hand every member an explicit (possibly empty) assignment.
 */

/** member id → topic → partitions (ascending). */
export type CoPartitionedAssignment = Record<string, Record<string, number[]>>;

export function assignCoPartitioned(
  memberIds: readonly string[],
  partitionCounts: Readonly<Record<string, number>>,
): CoPartitionedAssignment {
  const members = [...new Set(memberIds)].sort();
  const out: CoPartitionedAssignment = Object.create(null) as CoPartitionedAssignment;
  for (const m of members) out[m] = Object.create(null) as Record<string, number[]>;
  if (members.length === 0) return out;

  for (const topic of Object.keys(partitionCounts).sort()) {
    const count = partitionCounts[topic] ?? 0;
    for (let p = 0; p < count; p++) {
      const owner = out[members[p % members.length]!]!;
      (owner[topic] ??= []).push(p);
    }
  }
  return out;
}
