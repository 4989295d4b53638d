// Every reason the state machine can return has a row in the one table of libs/rpc, with the
// gRPC code DESIGN §6 and the protos give it.
import { status } from '@grpc/grpc-js';
import { ALL_REASONS } from '@tributary/coord-state';
import { isReason, REASONS } from '@tributary/rpc';

it('maps every coord-state reason through the libs/rpc table', () => {
  for (const reason of ALL_REASONS)
    expect({ reason, known: isReason(reason) }).toEqual({ reason, known: true });
  expect(REASONS.NO_NODE.code).toBe(status.NOT_FOUND);
  expect(REASONS.NODE_EXISTS.code).toBe(status.ALREADY_EXISTS);
  expect(REASONS.VERSION_MISMATCH.code).toBe(status.FAILED_PRECONDITION);
  expect(REASONS.RESERVED_PATH.code).toBe(status.PERMISSION_DENIED);
  expect(REASONS.COMPACTED.code).toBe(status.OUT_OF_RANGE);
  expect(REASONS.DATA_TOO_LARGE.code).toBe(status.INVALID_ARGUMENT);
  expect(REASONS.NO_SESSION.code).toBe(status.NOT_FOUND);
});
