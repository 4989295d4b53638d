#!/usr/bin/env python3
"""Tributary from Python, over stubs generated from protos/ (see README.md beside this file).

Creates an ephemeral node holding "hello" on a session, creates a topic, produces records to
it as one RecordBatch and consumes them back, then closes the session (the node goes with it).

    python3 quickstart.py --bootstrap 127.0.0.1:9101 --coordinators 127.0.0.1:7101 hello world

Addresses default to TRIBUTARY_BOOTSTRAP and TRIBUTARY_COORDINATORS, as for `trib`.
"""
import argparse
import os
import sys
import threading
import time

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen'))
from tributary.broker.v1 import broker_pb2, broker_pb2_grpc  # noqa: E402
from tributary.coord.v1 import coordination_pb2 as coord_pb2  # noqa: E402
from tributary.coord.v1 import coordination_pb2_grpc as coord_grpc  # noqa: E402
from tributary_records import build_batch, read_batch  # noqa: E402

# Worth retrying: no leader yet (an election, a new topic), or this member is not the leader.
RETRIABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.FAILED_PRECONDITION}


def retrying(what, call, budget_s=20.0):
    """call() until it returns something other than None or fails for a reason not retriable."""
    deadline = time.monotonic() + budget_s
    while True:
        try:
            result = call()
            if result is not None:
                return result
            failure = 'not ready'
        except grpc.RpcError as error:
            failure = f'{error.code().name}: {error.details()}'
            if error.code() not in RETRIABLE:
                sys.exit(f'{what} failed: {failure}')
        if time.monotonic() > deadline:
            sys.exit(f'{what} failed after {budget_s} s: {failure}')
        time.sleep(0.2)


def keep_alive(stub, session_id, interval_s, stop):
    """Renews the session every interval_s until `stop` is set (a new stream after a failure)."""

    def beats():
        while True:
            yield coord_pb2.KeepAliveRequest(session_id=session_id)
            if stop.wait(interval_s):
                return

    while not stop.is_set():
        try:
            for answer in stub.KeepAlive(beats()):
                if answer.ttl_ms == 0:
                    return  # expired: the server has already deleted its ephemeral nodes
        except grpc.RpcError:
            stop.wait(0.2)


def ephemeral_node(coord, path, data, ttl_ms):
    """Opens a session, creates `path` on it and starts its heartbeats; returns (id, stop)."""
    session = retrying('OpenSession', lambda: coord.OpenSession(coord_pb2.OpenSessionRequest(ttl_ms=ttl_ms)))
    stop = threading.Event()
    beats = threading.Thread(target=keep_alive, args=(coord, session.session_id, session.ttl_ms / 3000, stop))
    beats.daemon = True
    beats.start()
    request = coord_pb2.CreateRequest(path=path, data=data, ephemeral=True, session_id=session.session_id)
    created = retrying('Create', lambda: coord.Create(request))
    print(f'session {session.session_id}: created ephemeral {created.path} = {data.decode()}')
    return session.session_id, stop


def partition_leader(bootstrap, topic, partition):
    """The address of the broker leading topic/partition, once there is one."""

    def lookup():
        try:
            meta = bootstrap.Metadata(broker_pb2.MetadataRequest(topics=[topic]))
        except grpc.RpcError as error:
            if error.code() == grpc.StatusCode.NOT_FOUND:
                return None  # a new topic: not yet in this broker's metadata cache
            raise
        leader = meta.topics[0].partitions[partition].leader
        return {b.broker_id: b.address for b in meta.brokers}.get(leader)  # None while -1

    return retrying(f'Metadata {topic}', lookup)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--bootstrap', default=os.environ.get('TRIBUTARY_BOOTSTRAP'))
    parser.add_argument('--coordinators', default=os.environ.get('TRIBUTARY_COORDINATORS'))
    parser.add_argument('--topic', default='test')
    parser.add_argument('--node', default='/test', help='path of the ephemeral node')
    parser.add_argument('--key', default=None, help='key of every record (default: none)')
    parser.add_argument('values', nargs='*', default=['hello'])
    args = parser.parse_args()
    if not args.bootstrap or not args.coordinators:
        parser.error('--bootstrap and --coordinators (or TRIBUTARY_BOOTSTRAP/_COORDINATORS) are required')

    # Any coordinator will do: followers forward writes to the leader.
    coord = coord_grpc.CoordinationServiceStub(grpc.insecure_channel(args.coordinators.split(',')[0]))
    session_id, stop = ephemeral_node(coord, args.node, b'hello', ttl_ms=10_000)

    bootstrap = broker_pb2_grpc.BrokerServiceStub(grpc.insecure_channel(args.bootstrap.split(',')[0]))
    try:
        bootstrap.CreateTopic(broker_pb2.CreateTopicRequest(name=args.topic, partitions=1))
        print(f'created topic {args.topic}')
    except grpc.RpcError as error:
        if error.code() != grpc.StatusCode.ALREADY_EXISTS:
            sys.exit(f'CreateTopic failed: {error.code().name}: {error.details()}')

    # Produce and Fetch go to the partition's leader.
    leader = broker_pb2_grpc.BrokerServiceStub(grpc.insecure_channel(partition_leader(bootstrap, args.topic, 0)))
    key = args.key.encode() if args.key is not None else None
    batch = build_batch([v.encode() for v in args.values], key=key, headers=[('lang', b'python')])
    produce = broker_pb2.ProduceRequest(topic=args.topic, partition=0, batch=batch, acks=broker_pb2.ACKS_ALL)
    base = retrying('Produce', lambda: leader.Produce(produce)).base_offset
    count = f'{len(args.values)} record' + ('' if len(args.values) == 1 else 's')
    print(f'produced {count} to {args.topic}/0 at offset {base}')

    fetch = broker_pb2.FetchRequest(topic=args.topic, partition=0, offset=base, max_wait_ms=1000)
    records = [r for b in retrying('Fetch', lambda: leader.Fetch(fetch)).batches for r in read_batch(b)]
    for offset, _, rkey, value, headers in records:
        if offset >= base:
            text = value.decode() if value is not None else None
            print(f'consumed {args.topic}/0@{offset} key={rkey!r} value={text} headers={headers}')

    stop.set()
    coord.CloseSession(coord_pb2.CloseSessionRequest(session_id=session_id))
    print(f'closed session {session_id}: {args.node} is gone')


if __name__ == '__main__':
    main()
