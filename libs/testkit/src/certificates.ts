/**
 * Throw-away TLS material for tests, made with openssl in a temporary directory: a CA, a member
 * certificate (CN `tributary-member`, for 127.0.0.1 and localhost) that every coordinator and
 * broker serves and dials with, a client certificate (CN `test-client`) of the same CA, and
 * more on demand (another CA, a reissued member certificate).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as grpc from '@grpc/grpc-js';
import {
  clientChannelCredentials,
  createDevCa,
  createDevLeaf,
  type CertificateFiles,
} from '@tributary/rpc';

export const MEMBER_PRINCIPAL = 'tributary-member';
export const CLIENT_PRINCIPAL = 'test-client';

export class TestCertificates {
  private constructor(
    readonly dir: string,
    readonly ca: CertificateFiles,
    /** Served by every member and presented on its peer links. */
    readonly member: CertificateFiles & { serialNumber: string },
    /** A client of the same CA whose principal is not a cluster member's. */
    readonly client: CertificateFiles,
    /** `--super-users` of the servers: by default the client, so ACLs do not stand in its way. */
    readonly superUsers: readonly string[],
  ) {}

  /** `superUsers: []` makes the client an ordinary principal, for tests of the ACLs. */
  static create(options: { superUsers?: readonly string[] } = {}): TestCertificates {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trib-certs-'));
    const ca = createDevCa(dir);
    const member = createDevLeaf(dir, ca, { name: 'member', cn: MEMBER_PRINCIPAL });
    const client = createDevLeaf(dir, ca, { name: 'client', cn: CLIENT_PRINCIPAL });
    return new TestCertificates(dir, ca, member, client, options.superUsers ?? [CLIENT_PRINCIPAL]);
  }

  /** `trib coordinator|broker` flags: serve and dial with the member certificate. */
  serverArgs(): string[] {
    return [
      ...['--tls-cert', this.member.cert, '--tls-key', this.member.key, '--tls-ca', this.ca.cert],
      ...(this.superUsers.length > 0 ? ['--super-users', this.superUsers.join(',')] : []),
    ];
  }

  /** A new leaf of this CA (or of `ca`), in a directory of its own so nothing is overwritten. */
  issue(name: string, cn: string, ca: CertificateFiles = this.ca) {
    return createDevLeaf(fs.mkdtempSync(path.join(this.dir, `${name}-`)), ca, { name, cn });
  }

  /**
   * Renews the member certificate in place: same key and CN, a new serial number. The new file
   * is renamed over the old one, so a process reading it sees the old or the new, never half.
   */
  renewMember(): string {
    const next = createDevLeaf(fs.mkdtempSync(path.join(this.dir, 'renewed-')), this.ca, {
      name: 'member',
      cn: MEMBER_PRINCIPAL,
      key: this.member.key,
    });
    fs.renameSync(next.cert, this.member.cert);
    return next.serialNumber;
  }

  /** Another CA, which this cluster does not trust. */
  otherCa(): CertificateFiles {
    return createDevCa(fs.mkdtempSync(path.join(this.dir, 'other-')), 'ca', 'another CA');
  }

  /**
   * PEM contents for the SDK's `tls` option: this CA (or `ca`), and `leaf` as the client
   * certificate (null: none).
   */
  pem(leaf: CertificateFiles | null = this.client, ca: CertificateFiles = this.ca) {
    return {
      ca: fs.readFileSync(ca.cert),
      ...(leaf && { cert: fs.readFileSync(leaf.cert), key: fs.readFileSync(leaf.key) }),
    };
  }

  credentials(leaf?: CertificateFiles | null, ca?: CertificateFiles): grpc.ChannelCredentials {
    return clientChannelCredentials(this.pem(leaf, ca));
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
