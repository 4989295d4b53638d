/**
 * A cluster for tests of who may do what: coordinators and brokers on mTLS with the test
 * certificates (whose client is a super-user unless `superUsers` says otherwise), and a bearer
 * token for each named principal in their `--auth-tokens` file. SDK clients made for a test are
 * handed to `track`, so that `shutdown` closes them before it stops the processes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenLine, type TlsPem } from '@tributary/rpc';
import { BrokerCluster } from './broker-cluster';
import { TestCertificates } from './certificates';
import { CoordinatorCluster } from './coordinator-cluster';

export interface SecureClusterOptions {
  coordinators: number;
  brokers: number;
  /** principal → its bearer token (and when it expires, if it does). */
  tokens: Record<string, string | { token: string; expiresAt: number }>;
  /** `--super-users`; default the test client's certificate principal. */
  superUsers?: readonly string[];
  coordinatorArgs?: string[];
  brokerArgs?: string[];
}

export class SecureCluster {
  private readonly closers: (() => unknown)[] = [];
  readonly bootstrap: string[];
  readonly endpoints: string[];

  private constructor(
    readonly certs: TestCertificates,
    private readonly tokens: SecureClusterOptions['tokens'],
    readonly coordinators: CoordinatorCluster,
    readonly brokers: BrokerCluster,
  ) {
    this.bootstrap = brokers.live().map((b) => b.address);
    this.endpoints = [...coordinators.members.values()].map((m) => m.address);
  }

  static async start(o: SecureClusterOptions): Promise<SecureCluster> {
    const certs = TestCertificates.create(o.superUsers ? { superUsers: o.superUsers } : {});
    const file = path.join(certs.dir, 'tokens.txt');
    const lines = Object.entries(o.tokens).map(([principal, t]) =>
      typeof t === 'string' ? tokenLine(principal, t) : tokenLine(principal, t.token, t.expiresAt),
    );
    fs.writeFileSync(file, lines.join('\n'));
    const auth = ['--auth-tokens', file];
    let coordinators: CoordinatorCluster | undefined;
    try {
      coordinators = await CoordinatorCluster.start({
        size: o.coordinators,
        tls: certs,
        extraArgs: [...auth, ...(o.coordinatorArgs ?? [])],
      });
      const brokers = await BrokerCluster.start({
        coordinators,
        size: o.brokers,
        tls: certs,
        extraArgs: [...auth, ...(o.brokerArgs ?? [])],
      });
      return new SecureCluster(certs, o.tokens, coordinators, brokers);
    } catch (error) {
      await coordinators?.shutdown();
      certs.remove();
      throw error;
    }
  }

  /** SDK options of a token principal: trust the CA, send its token (no certificate). */
  as(principal: string): { tls: { ca: Buffer }; token: string } {
    const t = this.tokens[principal];
    if (t === undefined) throw new Error(`no token for '${principal}'`);
    return { tls: { ca: this.certs.pem(null).ca }, token: typeof t === 'string' ? t : t.token };
  }

  /** SDK options of the test client's certificate. */
  client(): { tls: TlsPem } {
    return { tls: this.certs.pem(this.certs.client) };
  }

  /** `client`, closed by `shutdown` before the processes stop. */
  track<T extends { close(): unknown }>(client: T): T {
    this.closers.push(() => client.close());
    return client;
  }

  async shutdown(): Promise<void> {
    for (const close of this.closers.reverse()) await close();
    await this.brokers.shutdown();
    await this.coordinators.shutdown();
    this.certs.remove();
  }
}
