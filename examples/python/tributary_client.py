"""Small helpers for Python clients of Tributary's gRPC API (see README.md beside this file).

Importing this module puts the generated stubs (gen/, from generate.py) on sys.path, so
`from tributary.coord.v1 import coordination_pb2` works next.
"""
import os
import sys
import threading
import time

import grpc

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), 'gen'))
from tributary.broker.v1 import broker_pb2  # noqa: E402
from tributary.coord.v1 import coordination_pb2  # noqa: E402

# Worth retrying: no leader yet (an election, a new topic), or this member is not the leader.
RETRIABLE = {grpc.StatusCode.UNAVAILABLE, grpc.StatusCode.FAILED_PRECONDITION}


def retrying(call, budget_s=20.0):
    """call() until it returns something other than None, retrying RETRIABLE failures."""
    deadline = time.monotonic() + budget_s
    while True:
        try:
            result = call()
            if result is not None:
                return result
        except grpc.RpcError as error:
            if error.code() not in RETRIABLE or time.monotonic() > deadline:
                raise
        if time.monotonic() > deadline:
            raise TimeoutError(f'not ready after {budget_s} s')
        time.sleep(0.2)


def keep_alive(coordination, session_id, ttl_ms):
    """Renews the session every third of its TTL from a thread; set() the returned Event to stop."""
    stop = threading.Event()

    def beats():
        while True:
            yield coordination_pb2.KeepAliveRequest(session_id=session_id)
            if stop.wait(ttl_ms / 3000):
                return

    def run():
        while not stop.is_set():
            try:
                for answer in coordination.KeepAlive(beats()):
                    if answer.ttl_ms == 0:
                        return  # expired: the server has deleted its ephemeral nodes
            except grpc.RpcError:
                stop.wait(0.2)  # e.g. a leader change: open a new stream

    threading.Thread(target=run, daemon=True).start()
    return stop


def partition_leader(broker, topic, partition):
    """The address of the broker leading topic/partition, once there is one (Metadata)."""

    def lookup():
        try:
            meta = broker.Metadata(broker_pb2.MetadataRequest(topics=[topic]))
        except grpc.RpcError as error:
            if error.code() == grpc.StatusCode.NOT_FOUND:
                return None  # a new topic, not yet in this broker's metadata cache
            raise
        leader = meta.topics[0].partitions[partition].leader
        return {b.broker_id: b.address for b in meta.brokers}.get(leader)  # None while -1

    return retrying(lookup)
