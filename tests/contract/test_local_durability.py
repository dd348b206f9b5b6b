"""The local store keeps what it said it wrote, and shares its file between processes."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

from django.conf import settings

WRITER = textwrap.dedent(
    """
    import asyncio, sys, time
    from integrations.table import Condition, Put
    from integrations.table.local import LocalTableStore

    async def main(path, count):
        store = LocalTableStore(path, "tra-test")
        await store.create_table()
        for n in range(count):
            await store.put({"pk": "P", "sk": f"ITEM#{n:04d}", "n": n}, condition=Condition.absent())
        await store.batch_write(puts=[{"pk": "B", "sk": f"ITEM#{n:04d}"} for n in range(count)])
        await store.transact([Put({"pk": "T", "sk": "1"}), Put({"pk": "T", "sk": "2"})])
        print("written", flush=True)
        time.sleep(60)  # killed long before this ends

    asyncio.run(main(sys.argv[1], int(sys.argv[2])))
    """
)

READER = textwrap.dedent(
    """
    import asyncio, sys
    from integrations.table.local import LocalTableStore

    async def main(path):
        store = LocalTableStore(path, "tra-test")
        for pk in ("P", "B", "T"):
            print(len((await store.query(partition=pk)).items))

    asyncio.run(main(sys.argv[1]))
    """
)

COUNTER = textwrap.dedent(
    """
    import asyncio, sys
    from integrations.errors import ConditionFailed
    from integrations.table import Condition
    from integrations.table.local import LocalTableStore

    async def main(path, name, count):
        store = LocalTableStore(path, "tra-test")
        for n in range(count):
            await store.put({"pk": name, "sk": f"ITEM#{n:04d}"})
            while True:  # the optimistic lock: re-read and retry when the other process won
                counter = await store.get("COUNTER", "C")
                try:
                    await store.put(
                        {"pk": "COUNTER", "sk": "C", "version": counter["version"] + 1},
                        condition=Condition.version_is(counter["version"]),
                    )
                    break
                except ConditionFailed:
                    continue

    asyncio.run(main(sys.argv[1], sys.argv[2], int(sys.argv[3])))
    """
)


def _python(script: str, *args: object, **kwargs: object) -> subprocess.Popen:
    return subprocess.Popen(  # type: ignore[call-overload]
        [sys.executable, "-c", script, *map(str, args)],
        cwd=settings.BASE_DIR,
        stdout=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def test_it_keeps_every_write_that_returned_when_the_process_is_killed(tmp_path: Path) -> None:
    path = tmp_path / "table.sqlite3"
    writer = _python(WRITER, path, 300)
    assert writer.stdout is not None
    try:
        assert writer.stdout.readline().strip() == "written"
    finally:
        writer.send_signal(signal.SIGKILL)  # no clean shutdown, no checkpoint, no close
        writer.wait(timeout=30)
    assert writer.returncode == -signal.SIGKILL

    reader = _python(READER, path)
    out, _err = reader.communicate(timeout=60)

    assert out.split() == ["300", "300", "2"]


def test_it_lets_two_processes_write_one_file_without_losing_an_update(tmp_path: Path) -> None:
    from integrations.runtime import run_sync
    from integrations.table.local import LocalTableStore

    path = tmp_path / "table.sqlite3"
    store = LocalTableStore(path, "tra-test")
    run_sync(store.create_table)
    run_sync(store.put, {"pk": "COUNTER", "sk": "C", "version": 0})

    web, worker = _python(COUNTER, path, "WEB", 150), _python(COUNTER, path, "WORKER", 150)
    for process in (web, worker):
        process.communicate(timeout=120)
        assert process.returncode == 0

    assert run_sync(store.get, "COUNTER", "C")["version"] == 300
    assert len(run_sync(store.query, partition="WEB").items) == 150
    assert len(run_sync(store.query, partition="WORKER").items) == 150
    store.close()
