/**
 * Writes records whose handler kept failing to a dead-letter topic, creating the topic on first
 * use: as many partitions as the source topic (so a record keeps its partition number) and a
 * replication factor of min(3, live brokers). The record counts as processed only once the
 * dead-letter copy is acknowledged by every in-sync replica.
 */
import { Admin } from './admin';
import type { ConsumerRecord } from './consumer-decode';
import { deadLetterRecord, deadLetterTopic } from './consumer-retry';
import type { CoordinationError } from './errors';
import { Producer } from './producer';

export class DeadLetters {
  private readonly admin: Admin;
  private readonly producer: Producer;
  /** Dead-letter topic → its partition count, once known to exist. */
  private readonly topics = new Map<string, Promise<number>>();

  constructor(bootstrap: string[], requestTimeoutMs: number) {
    this.admin = new Admin({ bootstrap, requestTimeoutMs });
    this.producer = new Producer({ bootstrap, acks: 'all', lingerMs: 0, requestTimeoutMs });
  }

  /** Produces the dead-letter copy of `record`; resolves once it is acknowledged. */
  async send(
    record: ConsumerRecord,
    error: unknown,
    attempts: number,
    deadLetter: true | string,
  ): Promise<void> {
    const topic = deadLetterTopic(record.topic, deadLetter);
    const partitions = await this.ensure(topic, record.topic);
    await this.producer.send(deadLetterRecord(record, error, attempts, { topic, partitions }));
  }

  async close(): Promise<void> {
    await this.producer.close();
    this.admin.close();
  }

  private ensure(topic: string, source: string): Promise<number> {
    let known = this.topics.get(topic);
    if (!known) {
      known = this.create(topic, source);
      // A failed creation is tried again by the next dead letter.
      known.catch(() => this.topics.delete(topic));
      this.topics.set(topic, known);
    }
    return known;
  }

  private async create(topic: string, source: string): Promise<number> {
    const [existing] = await this.admin.describeTopics([topic]).catch(() => []);
    if (existing) return existing.partitions.length;
    const [from] = await this.admin.describeTopics([source]);
    const partitions = from?.partitions.length ?? 1;
    const brokers = (await this.admin.brokers()).length;
    try {
      const created = await this.admin.createTopic(topic, {
        partitions,
        replicationFactor: Math.max(1, Math.min(3, brokers)),
      });
      return created.partitions.length;
    } catch (error) {
      // Another consumer of the group created it first.
      if ((error as CoordinationError).reason !== 'TOPIC_EXISTS') throw error;
      const [raced] = await this.admin.describeTopics([topic]);
      return raced?.partitions.length ?? partitions;
    }
  }
}
