from __future__ import annotations

import os
from pathlib import Path

import pytest

from integrations.errors import NotFound, Unavailable
from integrations.instrumentation import recording
from integrations.storage import InvalidKey, LocalDirectoryStorage, document_key, get_document_storage


async def test_it_stores_and_reads_back_a_document(tmp_path: Path) -> None:
    storage = LocalDirectoryStorage(tmp_path)
    key = document_key("TRA-2025-ABC123", "d1")

    await storage.put(key, b"%PDF-1.7 body", "application/pdf")

    assert await storage.get(key) == b"%PDF-1.7 body"
    assert (tmp_path / "documents" / "TRA-2025-ABC123" / "d1").read_bytes() == b"%PDF-1.7 body"


async def test_it_replaces_a_document_atomically_leaving_no_temporary_files(tmp_path: Path) -> None:
    storage = LocalDirectoryStorage(tmp_path)
    await storage.put("documents/a/b", b"old", "text/plain")
    await storage.put("documents/a/b", b"new", "text/plain")

    assert await storage.get("documents/a/b") == b"new"
    assert os.listdir(tmp_path / "documents" / "a") == ["b"]


async def test_it_keeps_the_old_bytes_when_a_write_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = LocalDirectoryStorage(tmp_path)
    await storage.put("documents/a/b", b"old", "text/plain")

    def failing_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(Unavailable):
        await storage.put("documents/a/b", b"new", "text/plain")

    monkeypatch.undo()
    assert await storage.get("documents/a/b") == b"old"
    assert os.listdir(tmp_path / "documents" / "a") == ["b"]


@pytest.mark.parametrize(
    "key",
    ["../outside", "documents/../../outside", "/etc/passwd", "", "documents\\..\\x", "."],
)
async def test_it_refuses_keys_that_escape_the_root(tmp_path: Path, key: str) -> None:
    storage = LocalDirectoryStorage(tmp_path / "root")

    with pytest.raises(InvalidKey):
        await storage.put(key, b"x", "text/plain")
    with pytest.raises(InvalidKey):
        await storage.get(key)
    assert not (tmp_path / "outside").exists()


async def test_it_refuses_a_symlink_that_leads_outside_the_root(tmp_path: Path) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (tmp_path / "elsewhere").mkdir()
    (root / "link").symlink_to(tmp_path / "elsewhere")

    with pytest.raises(InvalidKey):
        await LocalDirectoryStorage(root).put("link/file", b"x", "text/plain")
    assert not (tmp_path / "elsewhere" / "file").exists()


async def test_it_reports_a_missing_document_as_not_found(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        await LocalDirectoryStorage(tmp_path).get("documents/a/missing")


async def test_it_deletes_and_tolerates_deleting_twice(tmp_path: Path) -> None:
    storage = LocalDirectoryStorage(tmp_path)
    await storage.put("documents/a/b", b"x", "text/plain")

    await storage.delete("documents/a/b")
    await storage.delete("documents/a/b")

    with pytest.raises(NotFound):
        await storage.get("documents/a/b")


async def test_it_counts_calls_like_the_s3_backend(tmp_path: Path) -> None:
    storage = LocalDirectoryStorage(tmp_path)
    with recording() as calls:
        await storage.put("documents/a/b", b"x", "text/plain")
        await storage.get("documents/a/b")
        await storage.delete("documents/a/b")

    assert (
        calls.count("s3", "PutObject")
        == calls.count("s3", "GetObject")
        == calls.count("s3", "DeleteObject")
        == 1
    )


@pytest.mark.parametrize(
    ("assessment_id", "document_id"),
    [
        ("TRA-2025-ABC123", "../../etc"),
        ("..", "d1"),
        ("TRA-2025-ABC123", "report.pdf"),
        ("a/b", "d1"),
        ("", "d1"),
    ],
)
def test_it_builds_keys_only_from_safe_ids(assessment_id: str, document_id: str) -> None:
    with pytest.raises(InvalidKey):
        document_key(assessment_id, document_id)


def test_it_builds_the_server_side_document_key() -> None:
    assert document_key("TRA-2025-ABC123", "0f3c9a") == "documents/TRA-2025-ABC123/0f3c9a"


def test_it_uses_the_directory_store_in_local_mode(settings, tmp_path: Path) -> None:
    settings.TRA_DOCUMENT_STORE = "local"
    settings.TRA_DOCUMENT_DIR = tmp_path

    storage = get_document_storage()

    assert isinstance(storage, LocalDirectoryStorage)
    assert storage.root == tmp_path.resolve()
