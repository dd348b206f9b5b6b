"""SQLiteChannelLayer: the channel layer spec, across instances and across OS processes."""

from __future__ import annotations

import asyncio
import os
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from asgiref.sync import async_to_sync
from channels.exceptions import ChannelFull
from channels.layers import get_channel_layer

from integrations.channel_layer import SQLiteChannelLayer

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    # A directory that does not exist yet: the layer must create it.
    return tmp_path / "var" / "channels.sqlite3"


@pytest.fixture
def layer(db_path: Path) -> SQLiteChannelLayer:
    return SQLiteChannelLayer(db_path, poll_interval=0.01)


async def receive_within(layer: SQLiteChannelLayer, channel: str, timeout: float = 2.0) -> dict[str, Any]:
    return await asyncio.wait_for(layer.receive(channel), timeout)


async def assert_nothing_arrives(layer: SQLiteChannelLayer, channel: str, wait: float = 0.1) -> None:
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(layer.receive(channel), wait)


async def test_send_then_receive_round_trips_the_message(layer: SQLiteChannelLayer, db_path: Path) -> None:
    message = {"type": "progress.update", "done": 3, "of": 7, "ratio": 0.5, "ok": True, "note": None}
    message["items"] = ["a", {"nested": [1, 2]}]

    await layer.send("progress", message)

    assert await receive_within(layer, "progress") == message
    assert db_path.exists()
    await assert_nothing_arrives(layer, "progress")


async def test_messages_on_one_channel_arrive_in_order(layer: SQLiteChannelLayer) -> None:
    for n in range(5):
        await layer.send("ordered", {"type": "n", "n": n})

    assert [(await receive_within(layer, "ordered"))["n"] for _ in range(5)] == [0, 1, 2, 3, 4]


async def test_receive_waits_until_a_message_is_sent(layer: SQLiteChannelLayer) -> None:
    waiting = asyncio.create_task(layer.receive("later"))
    await asyncio.sleep(0.1)
    assert not waiting.done()

    async def send_after_a_moment() -> None:
        await asyncio.sleep(0.05)
        await layer.send("later", {"type": "hello"})

    sender = asyncio.create_task(send_after_a_moment())
    assert await asyncio.wait_for(waiting, 2) == {"type": "hello"}
    await sender


async def test_new_channel_names_are_unique_and_valid(layer: SQLiteChannelLayer) -> None:
    names = {await layer.new_channel() for _ in range(50)}

    assert len(names) == 50
    for name in names:
        assert layer.require_valid_channel_name(name)
        assert name.startswith("specific.sqlite!")
    assert (await layer.new_channel("worker")).startswith("worker.sqlite!")


async def test_group_send_reaches_every_member_but_not_discarded_ones(layer: SQLiteChannelLayer) -> None:
    first, second, leaver = [await layer.new_channel() for _ in range(3)]
    for channel in (first, second, leaver):
        await layer.group_add("assessment-42", channel)
    await layer.group_add("assessment-42", first)  # adding twice is harmless and delivers once
    await layer.group_discard("assessment-42", leaver)
    await layer.group_discard("assessment-42", "never.joined")  # discarding a non-member is a no-op

    await layer.group_send("assessment-42", {"type": "progress.update", "pct": 50})

    assert await receive_within(layer, first) == {"type": "progress.update", "pct": 50}
    assert await receive_within(layer, second) == {"type": "progress.update", "pct": 50}
    await assert_nothing_arrives(layer, first)
    await assert_nothing_arrives(layer, leaver)


async def test_group_send_to_an_empty_group_does_nothing(layer: SQLiteChannelLayer) -> None:
    await layer.group_send("nobody-here", {"type": "x"})


async def test_two_instances_on_one_file_share_messages_and_groups(db_path: Path) -> None:
    # Two instances stand in for the web server and the worker, each with its own layer.
    web = SQLiteChannelLayer(db_path, poll_interval=0.01)
    worker = SQLiteChannelLayer(db_path, poll_interval=0.01)
    consumer = await web.new_channel()
    await web.group_add("assessment-7", consumer)

    await worker.group_send("assessment-7", {"type": "progress.update", "from": "worker"})
    await worker.send("direct", {"type": "ping"})

    assert await receive_within(web, consumer) == {"type": "progress.update", "from": "worker"}
    assert await receive_within(web, "direct") == {"type": "ping"}

    await worker.group_discard("assessment-7", consumer)
    await web.group_send("assessment-7", {"type": "progress.update"})
    await assert_nothing_arrives(web, consumer)


async def test_instances_starting_together_on_a_new_file_all_work(db_path: Path) -> None:
    # The web server and the worker start at the same time and race to create the file,
    # switch it to WAL and create the schema; none of them may fail with "database is locked".
    layers = [SQLiteChannelLayer(db_path, poll_interval=0.01) for _ in range(6)]

    await asyncio.gather(*(layer.send(f"start-{n}", {"n": n}) for n, layer in enumerate(layers)))

    for n in range(len(layers)):
        assert await receive_within(layers[0], f"start-{n}") == {"n": n}


async def test_close_then_reuse(layer: SQLiteChannelLayer) -> None:
    await layer.send("c", {"n": 1})
    await layer.close()
    await layer.close()

    assert await receive_within(layer, "c") == {"n": 1}


async def test_one_message_goes_to_exactly_one_of_two_concurrent_receivers(db_path: Path) -> None:
    one = SQLiteChannelLayer(db_path, poll_interval=0.005)
    other = SQLiteChannelLayer(db_path, poll_interval=0.005)
    receivers = [asyncio.create_task(one.receive("shared")), asyncio.create_task(other.receive("shared"))]
    await asyncio.sleep(0.05)

    await one.send("shared", {"type": "only-once"})
    done, pending = await asyncio.wait(receivers, timeout=2, return_when=asyncio.FIRST_COMPLETED)
    await asyncio.sleep(0.1)  # give the other receiver many polls in which it must find nothing

    assert len(done) == 1
    assert done.pop().result() == {"type": "only-once"}
    assert len(pending) == 1 and not pending.pop().done()
    for task in receivers:
        task.cancel()
    await asyncio.gather(*receivers, return_exceptions=True)


async def test_competing_receivers_never_get_a_message_twice(db_path: Path) -> None:
    layers = [SQLiteChannelLayer(db_path, poll_interval=0.002) for _ in range(2)]
    total = 40
    received: list[int] = []

    async def drain(layer: SQLiteChannelLayer) -> None:
        while True:
            received.append((await layer.receive("work"))["n"])

    receivers = [asyncio.create_task(drain(layers[i % 2])) for i in range(4)]
    for n in range(total):
        await layers[n % 2].send("work", {"type": "job", "n": n})
    deadline = time.monotonic() + 3
    while len(received) < total and time.monotonic() < deadline:
        await asyncio.sleep(0.01)
    await asyncio.sleep(0.05)
    for task in receivers:
        task.cancel()
    await asyncio.gather(*receivers, return_exceptions=True)

    assert sorted(received) == list(range(total))


async def test_expired_messages_are_not_delivered(db_path: Path) -> None:
    layer = SQLiteChannelLayer(db_path, expiry=0.1, poll_interval=0.01)
    await layer.send("stale", {"type": "old"})
    await asyncio.sleep(0.15)

    await assert_nothing_arrives(layer, "stale")
    await layer.send("stale", {"type": "fresh"})
    assert await receive_within(layer, "stale") == {"type": "fresh"}


async def test_expired_messages_free_capacity_and_drop_the_dead_member(db_path: Path) -> None:
    # A consumer whose process died never reads or discards; once its messages expire the
    # layer may, and does, drop its membership rather than keep queueing for it.
    layer = SQLiteChannelLayer(db_path, expiry=0.1, capacity=1, poll_interval=0.01)
    dead = await layer.new_channel()
    await layer.group_add("g", dead)
    await layer.group_send("g", {"type": "first"})
    with pytest.raises(ChannelFull):
        await layer.send(dead, {"type": "second"})
    await asyncio.sleep(0.15)

    await layer.group_send("g", {"type": "after-expiry"})  # cleans up, and dead is no longer a member

    await assert_nothing_arrives(layer, dead)
    await layer.send(dead, {"type": "direct"})  # the expired message no longer counts
    assert await receive_within(layer, dead) == {"type": "direct"}


async def test_group_membership_expires_after_group_expiry(db_path: Path) -> None:
    layer = SQLiteChannelLayer(db_path, group_expiry=0.1, poll_interval=0.01)
    channel = await layer.new_channel()
    await layer.group_add("short-lived", channel)
    await asyncio.sleep(0.15)

    await layer.group_send("short-lived", {"type": "late"})

    await assert_nothing_arrives(layer, channel)


async def test_send_over_capacity_raises_channel_full(db_path: Path) -> None:
    layer = SQLiteChannelLayer(db_path, capacity=2, channel_capacity={"tiny.*": 1})
    await layer.send("normal", {"n": 1})
    await layer.send("normal", {"n": 2})
    with pytest.raises(ChannelFull):
        await layer.send("normal", {"n": 3})

    await layer.send("tiny.one", {"n": 1})
    with pytest.raises(ChannelFull):
        await layer.send("tiny.one", {"n": 2})

    # Receiving makes room again.
    assert await receive_within(layer, "normal") == {"n": 1}
    await layer.send("normal", {"n": 3})


async def test_group_send_skips_full_members_silently(db_path: Path) -> None:
    layer = SQLiteChannelLayer(db_path, capacity=1, poll_interval=0.01)
    full, roomy = await layer.new_channel(), await layer.new_channel()
    await layer.send(full, {"type": "already-there"})
    await layer.group_add("g", full)
    await layer.group_add("g", roomy)

    await layer.group_send("g", {"type": "broadcast"})

    assert await receive_within(layer, roomy) == {"type": "broadcast"}
    assert await receive_within(layer, full) == {"type": "already-there"}
    await assert_nothing_arrives(layer, full)


async def test_flush_empties_messages_and_groups(db_path: Path) -> None:
    layer = SQLiteChannelLayer(db_path, poll_interval=0.01)
    other = SQLiteChannelLayer(db_path, poll_interval=0.01)
    channel = await layer.new_channel()
    await layer.group_add("g", channel)
    await layer.send("queued", {"type": "x"})

    await other.flush()

    await assert_nothing_arrives(layer, "queued")
    await layer.group_send("g", {"type": "y"})
    await assert_nothing_arrives(layer, channel)


@pytest.mark.parametrize("bad", ["has space", "bang!!twice", "x" * 100, "", 42, None])
async def test_invalid_channel_names_raise_type_error(layer: SQLiteChannelLayer, bad: Any) -> None:
    with pytest.raises(TypeError):
        await layer.send(bad, {"type": "x"})
    with pytest.raises(TypeError):
        await layer.receive(bad)
    with pytest.raises(TypeError):
        await layer.group_add("fine", bad)
    with pytest.raises(TypeError):
        await layer.group_discard("fine", bad)


@pytest.mark.parametrize("bad", ["has space", "no!bang", "x" * 100, "", 42])
async def test_invalid_group_names_raise_type_error(layer: SQLiteChannelLayer, bad: Any) -> None:
    with pytest.raises(TypeError):
        await layer.group_add(bad, "fine")
    with pytest.raises(TypeError):
        await layer.group_discard(bad, "fine")
    with pytest.raises(TypeError):
        await layer.group_send(bad, {"type": "x"})


@pytest.mark.parametrize("bad", [{"data": b"bytes"}, {"when": object()}, {"set": {1}}, ["not", "a", "dict"]])
async def test_messages_that_json_cannot_carry_raise_type_error(layer: SQLiteChannelLayer, bad: Any) -> None:
    with pytest.raises(TypeError):
        await layer.send("fine", bad)
    with pytest.raises(TypeError):
        await layer.group_send("fine", bad)


async def test_cancelled_receive_puts_back_a_message_it_already_took(
    layer: SQLiteChannelLayer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Channels cancels receive() when a websocket closes; the worker thread may have deleted a
    # message by then. It must go back on the channel, in its place, not vanish.
    await layer.send("c", {"n": 1})
    await layer.send("c", {"n": 2})
    real_take = layer._take

    def slow_take(channel: str) -> Any:
        row = real_take(channel)
        time.sleep(0.1)
        return row

    monkeypatch.setattr(layer, "_take", slow_take)
    receiving = asyncio.create_task(layer.receive("c"))
    await asyncio.sleep(0.03)
    receiving.cancel()
    with pytest.raises(asyncio.CancelledError):
        await receiving
    monkeypatch.setattr(layer, "_take", real_take)

    await asyncio.sleep(0.15)  # the take finishes, then the restore thread writes
    assert await receive_within(layer, "c") == {"n": 1}
    assert await receive_within(layer, "c") == {"n": 2}


async def test_sync_code_can_publish_with_async_to_sync(layer: SQLiteChannelLayer) -> None:
    # The task worker is sync code: it publishes through async_to_sync on its own loop.
    channel = await layer.new_channel()
    await layer.group_add("from-sync", channel)

    await asyncio.to_thread(async_to_sync(layer.group_send), "from-sync", {"type": "progress.update"})

    assert await receive_within(layer, channel) == {"type": "progress.update"}


async def test_configured_through_channel_layers_setting(settings: Any, db_path: Path) -> None:
    settings.CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "integrations.channel_layer.SQLiteChannelLayer",
            "CONFIG": {"path": str(db_path), "expiry": 30, "poll_interval": 0.01},
        }
    }

    layer = get_channel_layer()

    assert isinstance(layer, SQLiteChannelLayer)
    assert layer.expiry == 30 and layer.path == db_path
    await layer.send("configured", {"type": "ok"})
    assert await receive_within(layer, "configured") == {"type": "ok"}


async def test_group_send_from_a_separate_os_process_reaches_this_one(
    layer: SQLiteChannelLayer, db_path: Path
) -> None:
    channel = await layer.new_channel()
    await layer.group_add("cross-process", channel)
    script = textwrap.dedent(
        """
        import asyncio, os, sys
        sys.path.insert(0, sys.argv[1])
        from integrations.channel_layer import SQLiteChannelLayer

        layer = SQLiteChannelLayer(sys.argv[2])
        asyncio.run(layer.group_send("cross-process", {"type": "progress.update", "pid": os.getpid()}))
        """
    )

    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", script, str(REPO_ROOT), str(db_path), stderr=asyncio.subprocess.PIPE
    )
    _, stderr = await asyncio.wait_for(process.communicate(), 20)
    assert process.returncode == 0, stderr.decode()

    message = await receive_within(layer, channel)
    assert message["type"] == "progress.update"
    assert message["pid"] == process.pid != os.getpid()
