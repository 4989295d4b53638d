// A client process for the recipe tests, to be killed -9 like a crashed service:
//   node -r tsx/cjs recipe-child.ts ENDPOINTS campaign|register PATH VALUE
// opens a 2-second session, campaigns in the election PATH (or registers an instance of the
// service PATH under /services) with VALUE, prints "ready KEY" and waits to be killed.
import { CoordinationClient, Election, ServiceRegistry } from '../src';

async function main(): Promise<void> {
  const [endpoints, what, path, value] = process.argv.slice(2) as [string, string, string, string];
  const client = new CoordinationClient({ endpoints: endpoints.split(',') });
  const session = await client.openSession({ ttlMs: 2_000 });
  if (what === 'campaign') {
    const election = new Election(client, path, { session });
    await election.campaign(value);
    console.log(`ready ${election.key}`);
  } else {
    const registration = await new ServiceRegistry(client).register(path, { session, data: value });
    console.log(`ready ${registration.path}`);
  }
  setInterval(() => undefined, 60_000); // alive until killed
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
