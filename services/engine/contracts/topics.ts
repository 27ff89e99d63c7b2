/** Topic names: the only place they are spelled out. */
export const TOPICS = {
  room: 'live.room',
  transcript: 'live.transcript',
  price: 'live.price',
  order: 'live.order',
  alerts: 'supervisor.alerts',
  dlq: 'supervisor.dlq',
  state: 'supervisor.state',
} as const;

/** Input topics, co-partitioned: partition p of each goes to the same worker. */
export const INPUT_TOPICS = [TOPICS.room, TOPICS.transcript, TOPICS.price, TOPICS.order] as const;
export type InputTopic = (typeof INPUT_TOPICS)[number];

export const EVENT_TYPE_TOPIC = {
  room: TOPICS.room,
  transcript: TOPICS.transcript,
  price: TOPICS.price,
  order: TOPICS.order,
} as const;

export const DEFAULT_PARTITIONS = 6;
