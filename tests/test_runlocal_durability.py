"""Nothing written is lost when everything `make run` started is killed with SIGKILL."""

from __future__ import annotations

from tests.stack import bootstrap, demo_passwords, free_port, kill_9, login, stack_env, start, stop


def test_it_keeps_every_saved_answer_after_kill_9_of_the_whole_local_stack(tmp_path):
    port = free_port()
    env = stack_env(tmp_path / "var", port)
    bootstrap(env)
    password = demo_passwords(tmp_path / "var")["requestor"]

    proc = start(env, port)
    base = f"http://127.0.0.1:{port}/api"
    session = login(port, "requestor", password)
    created = session.post(
        f"{base}/assessments",
        json={
            "title": "Survives kill -9",
            "project": "P",
            "data_classification": "Internal",
            "business_unit": "B",
        },
    )
    assert created.status_code == 201, created.text
    assessment_id = created.json()["id"]
    saved = session.put(f"{base}/assessments/{assessment_id}/answers/Q-06", json={"value": "Yes"})
    assert saved.status_code == 200, saved.text
    kill_9(proc)  # the web server, the worker and the supervisor, at once

    proc = start(env, port)
    try:
        session = login(port, "requestor", password)
        detail = session.get(f"{base}/assessments/{assessment_id}").json()
        assert detail["assessment"]["title"] == "Survives kill -9"
        assert {a["question_id"]: a["value"] for a in detail["answers"]} == {"Q-06": "Yes"}
        assert "data_privacy" in detail["assessment"]["active_areas"]
    finally:
        stop(proc)
