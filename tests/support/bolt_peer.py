"""A stand-in Bolt peer on loopback that refuses every login.

It speaks just enough Bolt (the handshake, agreeing on protocol 5.0, then one
HELLO message) to answer the login with the FAILURE a Neo4j server sends for
wrong credentials (``Neo.ClientError.Security.Unauthorized``), so the real
``neo4j`` driver meets a real refusal. It serves a few connections at most
and stops by itself after a timeout.
"""
from __future__ import annotations

import socket
import struct
import threading
import time

UNAUTHORIZED = "Neo.ClientError.Security.Unauthorized"
MESSAGE = "The client is unauthorized due to authentication failure."


def _string(text: str) -> bytes:
    data = text.encode("utf-8")
    if len(data) < 16:
        return bytes([0x80 | len(data)]) + data
    if len(data) < 256:
        return bytes([0xD0, len(data)]) + data
    return b"\xd1" + struct.pack(">H", len(data)) + data


def _failure(code: str, message: str) -> bytes:
    body = b"\xb1\x7f\xa2" + _string("code") + _string(code) + _string("message") + _string(message)
    return struct.pack(">H", len(body)) + body + b"\x00\x00"


def _exact(conn: socket.socket, n: int) -> bytes:
    buf = b""
    while len(buf) < n:
        part = conn.recv(n - len(buf))
        if not part:
            raise EOFError
        buf += part
    return buf


def _message(conn: socket.socket) -> bytes:
    data = b""
    while True:
        (size,) = struct.unpack(">H", _exact(conn, 2))
        if size == 0:
            return data
        data += _exact(conn, size)


class RefusingBoltPeer:
    """``with RefusingBoltPeer() as peer:`` -> ``peer.uri``; ``peer.seen`` lists
    (handshake bytes, first message's struct header) per connection."""

    def __enter__(self) -> "RefusingBoltPeer":
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(4)
        self.sock.settimeout(0.2)
        self.stop = threading.Event()
        self.uri = f"bolt://127.0.0.1:{self.sock.getsockname()[1]}"
        self.seen: list[tuple[bytes, bytes]] = []
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop.set()
        self.thread.join(timeout=15)
        self.sock.close()

    def _serve(self) -> None:
        deadline = time.monotonic() + 30
        served = 0
        while served < 4 and not self.stop.is_set() and time.monotonic() < deadline:
            try:
                conn, _addr = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            served += 1
            with conn:
                conn.settimeout(10)
                try:
                    handshake = _exact(conn, 20)  # magic preamble + four version proposals
                    conn.sendall(b"\x00\x00\x00\x05")  # Bolt 5.0: HELLO carries the credentials
                    hello = _message(conn)
                    self.seen.append((handshake, hello[:2]))
                    conn.sendall(_failure(UNAUTHORIZED, MESSAGE))
                    conn.settimeout(0.2)
                    while not self.stop.is_set():  # until the driver hangs up or the test ends
                        try:
                            if not conn.recv(1024):
                                break
                        except TimeoutError:
                            continue
                except (EOFError, OSError):
                    pass
