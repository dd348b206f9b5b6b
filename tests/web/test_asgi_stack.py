"""The pages on the real stack: uvicorn, the ASGI handler, async views, in local mode.

The test clients stand in for the server; this proves the path a user's browser takes: pages
render with the user, session and messages loaded (no SynchronousOnlyOperation), errors are
product pages, and the console shows no traceback for them.
"""

from __future__ import annotations

import re
from pathlib import Path

from tests.stack import running_stack

FORM = {
    "title": "On the real stack",
    "project": "Uvicorn",
    "description": "",
    "system_id": "",
    "data_classification": "Internal",
    "business_unit": "Platform",
}


def test_it_serves_the_pages_and_their_errors_on_uvicorn(tmp_path: Path) -> None:
    with running_stack(tmp_path) as stack:
        requestor = stack.login("requestor")
        created = requestor.post(f"{stack.url}/assessments/new/", data=FORM, headers={"Referer": stack.url})
        assert created.status_code == 200, stack.log_tail()
        assert "created. Start with the qualifying questions." in created.text  # session + messages
        assessment_id = re.search(r"/assessments/(TRA-\d{4}-[0-9A-F]{6})/", created.url).group(1)  # type: ignore[union-attr]

        saved = requestor.post(
            f"{stack.url}/assessments/{assessment_id}/answers/Q-10/",
            data={"value": "No", "expected_version": "0", "section": "qualifying"},
            headers={"HX-Request": "true"},
        )
        detail = requestor.get(f"{stack.url}/assessments/{assessment_id}/")
        missing = stack.login("requestor2").get(f"{stack.url}/assessments/{assessment_id}/")
        assessor_index = stack.login("assessor").get(f"{stack.url}/admin/")
        log = stack.log_tail(100_000)

    assert saved.status_code == 200 and "Saved" in saved.text, log
    assert detail.status_code == 200 and "On the real stack" in detail.text
    assert missing.status_code == 404 and 'data-testid="error-page"' in missing.text
    assert "URLconf" not in missing.text  # DEBUG is off in local mode unless asked for
    assert assessor_index.status_code == 200 and 'data-testid="review-queue"' in assessor_index.text
    assert "permission to view or edit anything" not in assessor_index.text.replace("’", "'")
    assert "SynchronousOnlyOperation" not in log and "Traceback" not in log, log
