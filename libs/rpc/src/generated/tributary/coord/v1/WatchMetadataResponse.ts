// Original file: protos/tributary/coord/v1/metadata.proto

import type { ResponseHeader as _tributary_coord_v1_ResponseHeader, ResponseHeader__Output as _tributary_coord_v1_ResponseHeader__Output } from '../../../tributary/coord/v1/ResponseHeader';
import type { BrokerInfo as _tributary_coord_v1_BrokerInfo, BrokerInfo__Output as _tributary_coord_v1_BrokerInfo__Output } from '../../../tributary/coord/v1/BrokerInfo';
import type { TopicInfo as _tributary_coord_v1_TopicInfo, TopicInfo__Output as _tributary_coord_v1_TopicInfo__Output } from '../../../tributary/coord/v1/TopicInfo';
import type { PartitionUpdate as _tributary_coord_v1_PartitionUpdate, PartitionUpdate__Output as _tributary_coord_v1_PartitionUpdate__Output } from '../../../tributary/coord/v1/PartitionUpdate';
import type { AclSet as _tributary_coord_v1_AclSet, AclSet__Output as _tributary_coord_v1_AclSet__Output } from '../../../tributary/coord/v1/AclSet';

/**
 * One message of a WatchMetadata stream; applying the messages in order to a cache yields the
 * metadata as of `header.revision`.
 */
export interface WatchMetadataResponse {
  /**
   * Who answered; `revision` is the metadata revision the cache reaches by applying this message.
   */
  'header'?: (_tributary_coord_v1_ResponseHeader | null);
  /**
   * True: this message is the complete state (every live broker and topic): replace the cache.
   * False: a delta to apply.
   */
  'snapshot'?: (boolean);
  /**
   * Brokers registered or changed (complete entries).
   */
  'brokers'?: (_tributary_coord_v1_BrokerInfo)[];
  /**
   * Ids of brokers whose registration ended.
   */
  'removed_broker_ids'?: (number)[];
  /**
   * Topics created, or whose partition count or configs changed. In a snapshot, complete; in
   * a delta, the topic's fields with the partitions created or changed at this revision only
   * (the others are unchanged; a new `topic_id` means a new topic: drop the old partitions).
   */
  'topics'?: (_tributary_coord_v1_TopicInfo)[];
  /**
   * Partitions that changed without their topic being listed in `topics`.
   */
  'partitions'?: (_tributary_coord_v1_PartitionUpdate)[];
  /**
   * Names of deleted topics.
   */
  'deleted_topics'?: (string)[];
  /**
   * The complete access control list when it changed at this revision, and always in a
   * snapshot; absent = unchanged. A stream resumed from a revision after which the list
   * changed starts with a snapshot (the list at that revision could not be sent).
   */
  'acls'?: (_tributary_coord_v1_AclSet | null);
}

/**
 * One message of a WatchMetadata stream; applying the messages in order to a cache yields the
 * metadata as of `header.revision`.
 */
export interface WatchMetadataResponse__Output {
  /**
   * Who answered; `revision` is the metadata revision the cache reaches by applying this message.
   */
  'header': (_tributary_coord_v1_ResponseHeader__Output | null);
  /**
   * True: this message is the complete state (every live broker and topic): replace the cache.
   * False: a delta to apply.
   */
  'snapshot': (boolean);
  /**
   * Brokers registered or changed (complete entries).
   */
  'brokers': (_tributary_coord_v1_BrokerInfo__Output)[];
  /**
   * Ids of brokers whose registration ended.
   */
  'removed_broker_ids': (number)[];
  /**
   * Topics created, or whose partition count or configs changed. In a snapshot, complete; in
   * a delta, the topic's fields with the partitions created or changed at this revision only
   * (the others are unchanged; a new `topic_id` means a new topic: drop the old partitions).
   */
  'topics': (_tributary_coord_v1_TopicInfo__Output)[];
  /**
   * Partitions that changed without their topic being listed in `topics`.
   */
  'partitions': (_tributary_coord_v1_PartitionUpdate__Output)[];
  /**
   * Names of deleted topics.
   */
  'deleted_topics': (string)[];
  /**
   * The complete access control list when it changed at this revision, and always in a
   * snapshot; absent = unchanged. A stream resumed from a revision after which the list
   * changed starts with a snapshot (the list at that revision could not be sent).
   */
  'acls': (_tributary_coord_v1_AclSet__Output | null);
}
