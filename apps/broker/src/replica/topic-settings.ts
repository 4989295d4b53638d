// A topic's replica-relevant configuration, read from TopicInfo.configs with the coordinators'
// defaults (coord-state's topic-config is the one table of keys and defaults; the
// coordinators validated the values before storing them).
import { topicConfig } from '@tributary/coord-state';
import type { LogConfig } from '@tributary/log-store';

/** Kafka's delete.retention.ms default: tombstones stay a day after compaction first sees them. */
const DELETE_RETENTION_MS = 24 * 3600 * 1000;
/** Kafka's producer.id.expiration.ms default: a producer idle a day loses its dedup state. */
const PRODUCER_ID_EXPIRATION_MS = 24 * 3600 * 1000;

export interface TopicSettings {
  minInsyncReplicas: number;
  maxMessageBytes: number;
  log: LogConfig;
  producerIdExpirationMs: number;
}

export function topicSettings(configs: Readonly<Record<string, string>>): TopicSettings {
  const policy = topicConfig(configs, 'cleanup.policy');
  return {
    minInsyncReplicas: Number(topicConfig(configs, 'min.insync.replicas')),
    maxMessageBytes: Number(topicConfig(configs, 'max.message.bytes')),
    log: {
      retentionMs: Number(topicConfig(configs, 'retention.ms')),
      retentionBytes: Number(topicConfig(configs, 'retention.bytes')),
      cleanupPolicy: policy === 'compact' ? 'compact' : 'delete',
      deleteRetentionMs: DELETE_RETENTION_MS,
    },
    producerIdExpirationMs: PRODUCER_ID_EXPIRATION_MS,
  };
}
