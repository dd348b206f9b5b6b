"""A Channels layer stored in one SQLite file, so separate local processes can share groups.

In local mode the web server (uvicorn) and the task worker (``manage.py db_worker``) are two
OS processes. The worker publishes progress with ``group_send`` and the web server's websocket
consumers must receive it. ``InMemoryChannelLayer`` keeps its queues in one process's memory,
so the worker's messages would never reach the browser; Redis would work but may not be
installed on a developer machine. A SQLite file both processes open is enough for local volumes.

Configure it like any other layer::

    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "integrations.channel_layer.SQLiteChannelLayer",
            "CONFIG": {"path": BASE_DIR / "var" / "channels.sqlite3"},
        }
    }

It implements the channel layer spec with the ``groups`` and ``flush`` extensions
(https://channels.readthedocs.io/en/stable/channel_layer_spec.html). Delivery is by polling:
``receive`` checks the file every ``poll_interval`` seconds, which adds up to that much latency
but needs no notification mechanism between processes.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from channels.exceptions import ChannelFull
from channels.layers import BaseChannelLayer

# A row taken off the queue by _take: (id, body, expires). Kept whole so a receive() that is
# cancelled after the row was deleted can put it back exactly where it was.
_Row = tuple[int, str, float]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    body TEXT NOT NULL,
    expires REAL NOT NULL
);
-- receive() and the capacity count look up one channel's messages oldest first.
CREATE INDEX IF NOT EXISTS messages_channel_id ON messages (channel, id);
-- Expiry cleanup deletes by time across all channels.
CREATE INDEX IF NOT EXISTS messages_expires ON messages (expires);
CREATE TABLE IF NOT EXISTS group_members (
    group_name TEXT NOT NULL,
    channel TEXT NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (group_name, channel)
);
-- Dropping a channel from every group when one of its messages expires.
CREATE INDEX IF NOT EXISTS group_members_channel ON group_members (channel);
CREATE INDEX IF NOT EXISTS group_members_expires ON group_members (expires);
"""

# Wait this long for another process's write lock before sqlite3 raises "database is locked".
_BUSY_TIMEOUT_MS = 5000


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the file in WAL mode, so receivers can poll while another process writes.

    The mode is stored in the file, so this is needed once, but switching needs every other
    connection gone, and SQLite then fails at once rather than waiting out busy_timeout: when
    the web server and the worker start together, retry until the other has finished.
    """
    deadline = time.monotonic() + _BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            # A no-op when the file is already in WAL mode. Should the filesystem not allow
            # WAL, SQLite keeps the old mode and the layer still works, with more lock waits.
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class SQLiteChannelLayer(BaseChannelLayer):
    """Channel layer whose messages and group memberships live in one SQLite file.

    Every instance pointing at the same file, in any process, sees the same channels and groups.
    """

    extensions = ["groups", "flush"]

    def __init__(
        self,
        path: str | Path,
        expiry: float = 60,
        group_expiry: float = 86400,
        capacity: int = 100,
        channel_capacity: dict[Any, int] | None = None,
        poll_interval: float = 0.05,
        **kwargs: Any,
    ) -> None:
        super().__init__(expiry=expiry, capacity=capacity, **kwargs)
        # The base class stores the raw dict, but get_capacity() expects compiled patterns.
        self.channel_capacity = self.compile_capacities(channel_capacity or {})
        self.group_expiry = group_expiry
        self.path = Path(path).expanduser()
        self.poll_interval = poll_interval
        self._keeper: sqlite3.Connection | None = None
        self._schema_lock = threading.Lock()

    # Storage. Every sqlite3 call runs in a worker thread (asyncio.to_thread) so a busy file
    # never stalls the event loop, and every call opens its own connection: sqlite3
    # connections must not be shared between threads, and opening one (a fraction of a
    # millisecond) is cheap next to the poll interval. The one long-lived connection, the
    # keeper below, is never used for a query after the schema is created.

    def _ensure_schema(self) -> None:
        if self._keeper is not None:
            return
        with self._schema_lock:
            if self._keeper is not None:
                return
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # check_same_thread=False only so close() may close it from another thread; it
            # runs no statement after this method.
            conn = sqlite3.connect(
                self.path,
                timeout=_BUSY_TIMEOUT_MS / 1000,
                isolation_level=None,
                check_same_thread=False,
            )
            try:
                conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
                _use_wal(conn)
                # IF NOT EXISTS: the other process may have created the schema already.
                # IMMEDIATE: two processes starting together then queue for the lock instead
                # of one failing at once trying to upgrade its read lock.
                conn.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}COMMIT;")
            except BaseException:
                conn.close()
                raise
            # Keep this connection open, idle, for the layer's life. While any connection is
            # open the WAL file stays; without one, each short-lived connection would be the
            # last to close, and so checkpoint and delete the WAL, making every call several times slower.
            self._keeper = conn

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        self._ensure_schema()
        # isolation_level=None: no implicit transactions; writes say BEGIN IMMEDIATE themselves.
        conn = sqlite3.connect(self.path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        try:
            conn.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            # Messages live for a minute; surviving a power cut is not worth an fsync per write.
            conn.execute("PRAGMA synchronous = NORMAL")
            yield conn
        finally:
            conn.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """A transaction holding the write lock from its start.

        IMMEDIATE rather than the default deferred: a deferred transaction that reads and then
        writes can fail with SQLITE_BUSY at once when another process writes in between, and
        taking the lock first is what makes check-then-act (capacity, taking a message) atomic.
        """
        with self._connect() as conn:
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield conn
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    def _clean_expired(self, conn: sqlite3.Connection, now: float) -> None:
        # The spec lets a layer drop a channel's group memberships once a message on it expires
        # unread. That is how memberships of consumers in a process that died (and so never
        # called group_discard) go away before group_expiry.
        conn.execute(
            "DELETE FROM group_members WHERE channel IN "
            "(SELECT DISTINCT channel FROM messages WHERE expires <= ?)",
            (now,),
        )
        conn.execute("DELETE FROM messages WHERE expires <= ?", (now,))
        conn.execute("DELETE FROM group_members WHERE expires <= ?", (now,))

    def _send(self, channel: str, body: str, capacity: int) -> None:
        now = time.time()
        with self._write() as conn:
            self._clean_expired(conn, now)
            (queued,) = conn.execute("SELECT COUNT(*) FROM messages WHERE channel = ?", (channel,)).fetchone()
            if queued >= capacity:
                raise ChannelFull(channel)
            conn.execute(
                "INSERT INTO messages (channel, body, expires) VALUES (?, ?, ?)",
                (channel, body, now + self.expiry),
            )

    def _take(self, channel: str) -> _Row | None:
        """Delete and return the oldest live message on the channel, or None if there is none."""
        with self._connect() as conn:
            # Cheap read first: an idle receiver polls often and should not take the write lock.
            if (
                conn.execute(
                    "SELECT 1 FROM messages WHERE channel = ? AND expires > ? LIMIT 1",
                    (channel, time.time()),
                ).fetchone()
                is None
            ):
                return None
        with self._write() as conn:
            # Look again under the lock: another receiver may have taken it meanwhile. Reading
            # and deleting inside one IMMEDIATE transaction is what guarantees that no two
            # receivers, in this process or another, ever get the same message.
            row = conn.execute(
                "SELECT id, body, expires FROM messages WHERE channel = ? AND expires > ? "
                "ORDER BY id LIMIT 1",
                (channel, time.time()),
            ).fetchone()
            if row is not None:
                conn.execute("DELETE FROM messages WHERE id = ?", (row[0],))
            return row

    def _restore(self, channel: str, row: _Row) -> None:
        # The original id puts the message back in its place in the queue; AUTOINCREMENT only
        # stops SQLite choosing an old id itself, an explicit one is accepted.
        message_id, body, expires = row
        with self._write() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO messages (id, channel, body, expires) VALUES (?, ?, ?, ?)",
                (message_id, channel, body, expires),
            )

    def _group_add(self, group: str, channel: str) -> None:
        with self._write() as conn:
            # REPLACE refreshes the expiry: group_expiry counts from the most recent group_add.
            conn.execute(
                "INSERT OR REPLACE INTO group_members (group_name, channel, expires) VALUES (?, ?, ?)",
                (group, channel, time.time() + self.group_expiry),
            )

    def _group_discard(self, group: str, channel: str) -> None:
        with self._write() as conn:
            conn.execute(
                "DELETE FROM group_members WHERE group_name = ? AND channel = ?",
                (group, channel),
            )

    def _group_send(self, group: str, body: str) -> None:
        now = time.time()
        with self._write() as conn:
            self._clean_expired(conn, now)
            members = conn.execute(
                "SELECT g.channel, (SELECT COUNT(*) FROM messages m WHERE m.channel = g.channel) "
                "FROM group_members g WHERE g.group_name = ? AND g.expires > ?",
                (group, now),
            ).fetchall()
            # A full member is skipped without error: the spec forbids group_send raising
            # ChannelFull and asks for the message to be dropped for that member instead.
            rows = [
                (channel, body, now + self.expiry)
                for channel, queued in members
                if queued < self.get_capacity(channel)
            ]
            conn.executemany("INSERT INTO messages (channel, body, expires) VALUES (?, ?, ?)", rows)

    def _flush(self) -> None:
        with self._write() as conn:
            conn.execute("DELETE FROM messages")
            conn.execute("DELETE FROM group_members")

    # Channel layer API

    @staticmethod
    def _encode(message: dict[str, Any]) -> str:
        if not isinstance(message, dict):
            raise TypeError(f"message must be a dict, not {type(message).__name__}")
        # json.dumps raises TypeError for anything JSON cannot carry (bytes, sets, objects),
        # so a bad message fails at the sender rather than in another process.
        return json.dumps(message, separators=(",", ":"))

    async def send(self, channel: str, message: dict[str, Any]) -> None:
        """Queue a message on a channel; raises ChannelFull if the channel is at capacity."""
        self.require_valid_channel_name(channel)
        body = self._encode(message)
        # Capacity applies to the full channel name, including any part after "!": this layer
        # queues each channel from new_channel() separately rather than per process.
        await asyncio.to_thread(self._send, channel, body, self.get_capacity(channel))

    async def receive(self, channel: str) -> dict[str, Any]:
        """Wait for, remove and return the oldest unexpired message on the channel."""
        self.require_valid_channel_name(channel)
        while True:
            row = await self._take_surviving_cancellation(channel)
            if row is not None:
                return json.loads(row[1])
            await asyncio.sleep(self.poll_interval)

    async def _take_surviving_cancellation(self, channel: str) -> _Row | None:
        # Channels cancels receive() when a websocket closes. The worker thread cannot be
        # interrupted, so if it has already deleted a message when that happens, put the
        # message back instead of losing it. shield() keeps the thread's result reachable.
        take = asyncio.ensure_future(asyncio.to_thread(self._take, channel))
        try:
            return await asyncio.shield(take)
        except asyncio.CancelledError:
            take.add_done_callback(lambda done: self._restore_taken(channel, done))
            raise

    def _restore_taken(self, channel: str, done: asyncio.Future[_Row | None]) -> None:
        if done.cancelled() or done.exception() is not None or done.result() is None:
            return
        # This callback runs on the event loop, which must not wait on the file lock, and the
        # loop may be shutting down; a plain non-daemon thread finishes the write regardless.
        row = done.result()
        threading.Thread(target=self._restore, args=(channel, row), name="sqlite-layer-restore").start()

    async def new_channel(self, prefix: str = "specific") -> str:
        """A new unique channel name for one receiver (for example one websocket consumer)."""
        return f"{prefix}.sqlite!{uuid.uuid4().hex}"

    async def group_add(self, group: str, channel: str) -> None:
        self.require_valid_group_name(group)
        self.require_valid_channel_name(channel)
        await asyncio.to_thread(self._group_add, group, channel)

    async def group_discard(self, group: str, channel: str) -> None:
        self.require_valid_group_name(group)
        self.require_valid_channel_name(channel)
        await asyncio.to_thread(self._group_discard, group, channel)

    async def group_send(self, group: str, message: dict[str, Any]) -> None:
        """Queue one copy of the message for each current member of the group."""
        self.require_valid_group_name(group)
        body = self._encode(message)
        await asyncio.to_thread(self._group_send, group, body)

    async def flush(self) -> None:
        """Delete every message and group membership, for every process sharing the file."""
        await asyncio.to_thread(self._flush)

    async def close(self) -> None:
        """Close the idle connection held open; the layer reopens it if used again."""
        with self._schema_lock:
            keeper, self._keeper = self._keeper, None
        if keeper is not None:
            keeper.close()
