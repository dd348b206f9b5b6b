"""On the real local stack: runlocal's periodic due reminders reach an open bell (another
process, through the SQLite channel layer) and the task worker writes the e-mail to var/mail/."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import websockets

from tests import stack

# Run in the stack's own Django (its var/ directory): an overdue assessment, unassigned, in the
# open queue's due-date order, as the workflow would leave it.
SETUP = """
from django.contrib.auth.models import User
from assessments.domain.queue import QueueEntry, QueueOrder, QueuePhase
from assessments.domain.records import Actor
from assessments.domain.roles import roles_of
from assessments.domain.workflow import State
from assessments.services.assessments import AssessmentDetails, assessment_create
from integrations.runtime import run_sync
from integrations.table import get_table

user = User.objects.get(username="requestor")
actor = Actor(user_id=user.pk, username=user.username, roles=roles_of(user))
details = AssessmentDetails(title="Helpdesk move", project="P", description="", system_id="",
                            data_classification="Internal", business_unit="Ops")
record = run_sync(assessment_create, actor=actor, details=details)
entry = QueueEntry(assessment_id=record.id, title=record.title, state=State.SUBMITTED, owner_name="requestor",
                   business_unit="Ops", data_classification="Internal", active_areas=(), assignee_id=None,
                   assignee_name="", submitted_at="2026-01-01T00:00:00.000000Z", due_on="2026-01-15", round=1,
                   updated_at="2026-01-01T00:00:00.000000Z")
run_sync(get_table().put, entry.to_item(QueuePhase.OPEN, QueueOrder.DUE))
print(record.id)
"""


async def bell_until_note(
    url: str, cookie: str, *, setup: Callable[[], None], timeout: float = 60
) -> tuple[dict[str, Any], dict[str, Any]]:
    async with websockets.connect(
        url, additional_headers={"Cookie": cookie, "Origin": url.replace("ws", "http", 1)}
    ) as ws:
        snapshot = json.loads(await asyncio.wait_for(ws.recv(), 10))
        await asyncio.to_thread(setup)
        deadline = time.monotonic() + timeout
        while True:
            message = json.loads(await asyncio.wait_for(ws.recv(), max(0.1, deadline - time.monotonic())))
            if message.get("kind") == "note":
                return snapshot, message


def test_a_due_reminder_reaches_the_open_bell_and_the_mail_directory(tmp_path: Path) -> None:
    var_dir, port = tmp_path / "var", stack.free_port()
    env = {**stack.stack_env(var_dir, port), "TRA_DUE_REMINDER_INTERVAL_S": "1"}
    stack.bootstrap(env)
    proc = stack.start(env, port, tmp_path / "runlocal.log")
    created: list[str] = []
    try:
        session = stack.login(port, "assessor", stack.demo_passwords(var_dir)["assessor"])

        def setup() -> None:
            out = subprocess.run(
                [sys.executable, "manage.py", "shell", "-c", SETUP],
                cwd=stack.ROOT,
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            created.append(out.stdout.strip().splitlines()[-1])

        snapshot, pushed = asyncio.run(
            bell_until_note(
                f"ws://127.0.0.1:{port}/ws/notifications/",
                f"sessionid={session.cookies['sessionid']}",
                setup=setup,
            )
        )

        [assessment_id] = created
        assert snapshot == {"kind": "snapshot", "unread": 0}
        assert pushed["unread"] == 1 and pushed["note"]["kind"] == "overdue"
        assert pushed["note"]["assessment_id"] == assessment_id
        assert pushed["note"]["link"] == f"/admin/review/{assessment_id}/"
        deadline = time.monotonic() + 30
        mails: list[str] = []
        while time.monotonic() < deadline:
            mails = (
                [p.read_text() for p in (var_dir / "mail").glob("*.log")]
                if (var_dir / "mail").exists()
                else []
            )
            if any("assessor@example.test" in m for m in mails):
                break
            time.sleep(0.3)
        [to_assessor] = [m for m in mails if "To: assessor@example.test" in m]
        assert assessment_id in to_assessor and "Review overdue" in to_assessor
        assert f"http://127.0.0.1:8000/admin/review/{assessment_id}/" in to_assessor
        page = session.get(f"http://127.0.0.1:{port}/notifications/")
        assert page.status_code == 200 and assessment_id in page.text and "note-unread" in page.text
    finally:
        stack.stop(proc)
