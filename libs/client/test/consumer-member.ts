// A consumer group member in its own process, for tests that crash one with kill -9. It reads
// with the iterator, commits after each record, and reports on stdout, one JSON line each:
// {event:'assigned'|'revoked', partitions}, {event:'ready', memberId, generation},
// {event:'processed', partition, offset, value}, {event:'committed'|'commit-failed', partition,
// offset}.
// Arguments: bootstrap (comma-separated), topic, group, instance id ('' = none),
// session timeout ms, handling delay ms per record.
import { Consumer, type TopicPartition } from '../src';

const [bootstrap = '', topic = '', group = '', instanceId = '', sessionMs = '0', delayMs = '0'] =
  process.argv.slice(2);

const report = (o: object): void => {
  process.stdout.write(`${JSON.stringify(o)}\n`);
};
const numbers = (list: TopicPartition[]) => list.map((p) => p.partition);

async function main(): Promise<void> {
  const consumer = new Consumer({ bootstrap: bootstrap.split(','), fetchWaitMsMax: 100 });
  process.on('SIGTERM', () => void consumer.close().then(() => process.exit(0)));
  await consumer.subscribe([topic], {
    groupId: group,
    instanceId: instanceId || undefined,
    sessionTimeoutMs: Number(sessionMs),
    autoCommit: false,
    fromBeginning: true,
    onAssigned: (list) => report({ event: 'assigned', partitions: numbers(list) }),
    onRevoked: (list) => report({ event: 'revoked', partitions: numbers(list) }),
  });
  report({ event: 'ready', ...consumer.membership() });
  for await (const r of consumer) {
    report({
      event: 'processed',
      partition: r.partition,
      offset: r.offset,
      value: String(r.value),
    });
    await new Promise((resolve) => setTimeout(resolve, Number(delayMs)));
    try {
      await consumer.commit([{ topic, partition: r.partition, offset: r.offset + 1 }]);
      report({ event: 'committed', partition: r.partition, offset: r.offset });
    } catch (error) {
      // Rebalanced away meanwhile: the new owner reads the record again.
      report({
        event: 'commit-failed',
        partition: r.partition,
        offset: r.offset,
        error: String(error),
      });
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
