// Error decoding: the same CoordinationError from a unary status and from an Execute answer.
import { Metadata, status as Code } from '@grpc/grpc-js';
import { encodeStatusDetails, statusDetailsBytes, tributaryError } from '@tributary/rpc';
import {
  CoordinationError,
  fromCallError,
  fromStatusDetails,
  outcomeOf,
  provesNotApplied,
  readMayRetry,
} from '../src/errors';

describe('CoordinationError decoding', () => {
  it('reads reason, leader and retry hint from a failed call', () => {
    const err = fromCallError(
      tributaryError('NOT_LEADER', 'node 2 follows', { leader: '10.0.0.1:7101' }),
    );
    expect(err).toBeInstanceOf(CoordinationError);
    expect(err.code).toBe(Code.FAILED_PRECONDITION);
    expect(err.reason).toBe('NOT_LEADER');
    expect(err.leader).toBe('10.0.0.1:7101');
    expect(err.retriable).toBe(true);
    expect(err.retryDelayMs).toBe(100);
    expect(err.label).toBe('NOT_LEADER');
  });

  it('reads the same fields from an Execute status_details answer', () => {
    const bytes = statusDetailsBytes('NO_LEADER', 'no leader elected yet', { retryDelayMs: 250 });
    const err = fromStatusDetails(bytes);
    expect([err.code, err.reason, err.retriable, err.retryDelayMs]).toEqual([
      Code.UNAVAILABLE,
      'NO_LEADER',
      true,
      250,
    ]);
    expect(err.message).toBe('no leader elected yet');
  });

  it('keeps a reason the libs/rpc table does not know, with retriable from the code', () => {
    const bytes = encodeStatusDetails({
      code: Code.NOT_FOUND,
      message: 'session 9 is unknown',
      errorInfo: { reason: 'NO_SESSION', domain: 'tributary', metadata: {} },
    });
    const err = fromStatusDetails(bytes);
    expect([err.code, err.reason, err.retriable]).toEqual([Code.NOT_FOUND, 'NO_SESSION', false]);
  });

  it('keeps ErrorInfo metadata such as compact_revision', () => {
    const bytes = statusDetailsBytes('COMPACTED', 'revision 3 is compacted', {
      metadata: { compact_revision: '40' },
    });
    expect(fromStatusDetails(bytes).metadata).toEqual({ compact_revision: '40' });
  });

  it('ignores ErrorInfo of another domain', () => {
    const bytes = encodeStatusDetails({
      code: Code.UNAVAILABLE,
      message: 'proxy says no',
      errorInfo: { reason: 'NOT_LEADER', domain: 'example.com', metadata: { leader: 'x:1' } },
    });
    const err = fromStatusDetails(bytes);
    expect([err.reason, err.leader, err.label]).toEqual([undefined, undefined, 'UNAVAILABLE']);
  });

  it('turns undecodable status bytes into a PROTOCOL error, never a throw', () => {
    const err = fromStatusDetails(Buffer.from([0xff, 0xff, 0xff, 0x01]));
    expect(err.reason).toBe('PROTOCOL');
  });

  it('reads a plain transport failure as retriable UNAVAILABLE without reason', () => {
    const plain = Object.assign(new Error('14 UNAVAILABLE: No connection established'), {
      code: Code.UNAVAILABLE,
      details: 'No connection established',
      metadata: new Metadata(),
    });
    const err = fromCallError(plain);
    expect([err.code, err.reason, err.retriable, err.message]).toEqual([
      Code.UNAVAILABLE,
      undefined,
      true,
      'No connection established',
    ]);
  });
});

describe('retry rules', () => {
  const transport = new CoordinationError({
    code: Code.UNAVAILABLE,
    message: 'reset',
    retriable: true,
  });
  const notLeader = fromCallError(tributaryError('NOT_LEADER', 'x', { leader: 'h:1' }));
  const noLeader = fromCallError(tributaryError('NO_LEADER', 'x'));
  const mismatch = fromCallError(tributaryError('VERSION_MISMATCH', 'x'));
  const shuttingDown = fromCallError(tributaryError('SHUTTING_DOWN', 'x'));
  const timeout = fromCallError(tributaryError('TIMEOUT', 'x'));
  const leaderChanged = fromCallError(tributaryError('LEADER_CHANGED', 'x'));

  it('NOT_LEADER, NO_LEADER and unsent requests prove nothing was applied', () => {
    expect(provesNotApplied(notLeader)).toBe(true);
    expect(provesNotApplied(noLeader)).toBe(true);
    expect(provesNotApplied(transport.asUnsent())).toBe(true);
    expect(provesNotApplied(transport)).toBe(false);
    expect(provesNotApplied(shuttingDown)).toBe(false);
  });

  it('reads retry after UNAVAILABLE of any kind, not after a verdict', () => {
    expect(readMayRetry(transport)).toBe(true);
    expect(readMayRetry(shuttingDown)).toBe(true);
    expect(readMayRetry(mismatch)).toBe(false);
  });

  it('a write is indeterminate after a transport failure or an open outcome, not after a verdict', () => {
    expect(outcomeOf(true, transport).indeterminate).toBe(true);
    expect(outcomeOf(true, timeout).indeterminate).toBe(true);
    // The fault campaign caught these reported as failures while the write had committed.
    expect(outcomeOf(true, leaderChanged).indeterminate).toBe(true);
    expect(outcomeOf(true, shuttingDown).indeterminate).toBe(true);
    expect(outcomeOf(true, mismatch).indeterminate).toBe(false);
    expect(outcomeOf(true, noLeader).indeterminate).toBe(false);
    expect(outcomeOf(false, transport).indeterminate).toBe(false);
    expect(outcomeOf(true, transport).retriable).toBe(false);
  });
});
