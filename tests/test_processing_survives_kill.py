"""A document being processed when the whole local stack is killed with SIGKILL still ends Ready."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

from tests.stack import ROOT, LocalStack

BRIEF = ROOT / "tests" / "fixtures" / "documents" / "project_brief.docx"
UPLOADED = "Uploaded, waiting to be processed"
_STATUS = re.compile(r'data-testid="document-status">([^<]*)<')


def _statuses(session, base: str, assessment_id: str) -> list[str]:
    response = session.get(f"{base}/assessments/{assessment_id}/documents/", timeout=5)
    assert response.status_code == 200, response.text
    return _STATUS.findall(response.text)


def _task_states(var_dir: Path) -> list[tuple[str, str]]:
    """(task, status) of every background task, read straight from the stopped stack's database."""
    with sqlite3.connect(f"file:{var_dir / 'db.sqlite3'}?mode=ro", uri=True) as db:
        rows = db.execute(
            "SELECT task_path, status FROM django_tasks_database_dbtaskresult ORDER BY enqueued_at"
        ).fetchall()
    return [(path.rsplit(".", 1)[-1], status) for path, status in rows]


def test_a_document_being_processed_when_everything_is_killed_ends_ready_after_a_restart(tmp_path):
    stack = LocalStack.bootstrapped(tmp_path)
    stack.start()
    try:
        session = stack.login("requestor")
        created = session.post(
            f"{stack.url}/api/assessments",
            json={
                "title": "Processing survives kill -9",
                "project": "P",
                "data_classification": "Internal",
                "business_unit": "B",
            },
        )
        assert created.status_code == 201, created.text
        assessment_id = created.json()["id"]
        detail_url = f"{stack.url}/assessments/{assessment_id}/"
        uploaded = session.post(
            f"{detail_url}documents/upload/",
            files=[("files", (BRIEF.name, BRIEF.read_bytes()))],
            headers={"Referer": detail_url},
            allow_redirects=False,
        )
        assert uploaded.status_code == 302, uploaded.text

        # The kill may land before the worker claimed the task (it is then READY in the queue
        # and simply runs after the restart) or while it runs (it is then RUNNING, and runlocal
        # requeues it at start-up): both must end Ready. Processing the brief takes a fraction of
        # a second once claimed, so wait (briefly) for it to leave "Uploaded…" to make the
        # second case likely, and kill anyway if it does not.
        deadline = time.monotonic() + 5
        seen = [UPLOADED]
        while time.monotonic() < deadline and seen == [UPLOADED]:
            seen = _statuses(session, stack.url, assessment_id)
        stack.kill_9()  # the web server, the worker and runlocal itself, at once
        at_kill = _task_states(stack.var_dir)
        assert "document_process_task" in dict(at_kill), at_kill  # queued with the upload, durably

        stack.start()
        running = sum(state == "RUNNING" for _, state in at_kill)
        assert f"Requeued {running} interrupted task(s)." in stack.log_path.read_text(), stack.log_tail()
        session = stack.login("requestor")
        deadline = time.monotonic() + 60
        statuses = _statuses(session, stack.url, assessment_id)
        while statuses != ["Ready"] and statuses != ["Failed"] and time.monotonic() < deadline:
            time.sleep(0.25)
            statuses = _statuses(session, stack.url, assessment_id)
        context = f"status at kill: {seen}, tasks at kill: {at_kill}\n{stack.log_tail()}"
        assert statuses == ["Ready"], context

        # The suggestions computed from it are there too (they are pre-computed in a task queued
        # when processing ends, which may itself have been the one interrupted).
        section_url = f"{detail_url}sections/qualifying/"
        deadline = time.monotonic() + 60
        section = session.get(section_url).text
        while 'data-testid="suggestion"' not in section and time.monotonic() < deadline:
            time.sleep(0.25)
            section = session.get(section_url).text
        assert 'data-testid="suggestion"' in section, context
        assert 'data-testid="suggestion-accept"' in section, context

        # Nothing is left half-done in the queue once the restarted stack has settled.
        deadline = time.monotonic() + 30
        tasks = _task_states(stack.var_dir)
        while any(state != "SUCCESSFUL" for _, state in tasks) and time.monotonic() < deadline:
            time.sleep(0.25)
            tasks = _task_states(stack.var_dir)
        assert all(state == "SUCCESSFUL" for _, state in tasks), f"{tasks}\n{context}"
    finally:
        stack.stop()
    print(f"killed at {seen}; tasks at kill: {at_kill}")
