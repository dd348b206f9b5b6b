"""In-app notes: who gets one, what it links to, the unread count, paging and marking read."""

from __future__ import annotations

from typing import Any

import pytest

from assessments.errors import NotFoundError
from assessments.notifications import NotificationKind
from assessments.notifications.reading import note_mark_read, notes_mark_all_read
from assessments.notifications.records import UNREAD_ATTR, UNREAD_SK, Note, new_note_id, notify_pk
from assessments.notifications.selectors import notes_of_user, unread_count
from integrations import instrumentation
from integrations.runtime import run_sync
from integrations.table import get_table
from integrations.table.contract import Put, Update
from tests.notifications.conftest import send


def notes(cast: Any, who: str, **kwargs: Any) -> list[Note]:
    return run_sync(notes_of_user, user_id=getattr(cast, who).pk, **kwargs).items


def unread(cast: Any, who: str) -> int:
    return run_sync(unread_count, user_id=getattr(cast, who).pk)


def test_it_tells_every_reviewer_when_nobody_is_named(cast: Any, assessment: Any) -> None:
    send(cast, assessment, text="Please review the helpdesk move.")

    for who in ("assessor", "admin", "assessor2"):
        [note] = notes(cast, who)
        assert note.kind is NotificationKind.SUBMITTED
        assert note.assessment_id == assessment.id and note.assessment_title == assessment.title
        assert note.text == "Please review the helpdesk move." and note.actor_name == "requestor"
        assert note.link == f"/admin/review/{assessment.id}/" and not note.read
        assert unread(cast, who) == 1
    assert notes(cast, "requestor") == [] and notes(cast, "requestor2") == []


def test_the_actor_never_notifies_themselves(cast: Any, assessment: Any) -> None:
    send(cast, assessment, by="assessor", kind=NotificationKind.COMMENT, to=["assessor", "requestor"])
    send(cast, assessment, by="assessor")  # every reviewer but the one acting

    assert notes(cast, "assessor") == [] and unread(cast, "assessor") == 0
    assert [n.kind for n in notes(cast, "admin")] == [NotificationKind.SUBMITTED]
    [note] = notes(cast, "requestor")
    # The requestor's link is their own page of the assessment.
    assert note.link == f"/assessments/{assessment.id}/"


def test_a_reviewer_who_owns_the_assessment_gets_the_requestor_link(cast: Any) -> None:
    from assessments.selectors.assessments import assessment_collection
    from tests.web.helpers import create_assessment

    own = run_sync(assessment_collection, assessment_id=create_assessment(cast, "assessor")).assessment
    send(cast, own, by="admin", kind=NotificationKind.SENT_BACK, to=["assessor"])

    [note] = notes(cast, "assessor")
    assert note.link == f"/assessments/{own.id}/"


def test_the_bell_is_one_get_item(cast: Any, assessment: Any) -> None:
    send(cast, assessment)
    send(cast, assessment, kind=NotificationKind.DUE_SOON)

    with instrumentation.recording() as calls:
        count = unread(cast, "assessor")

    assert count == 2
    assert calls.by_operation() == {("dynamodb", "GetItem"): 1}


def test_it_lists_newest_first_in_pages(cast: Any, assessment: Any) -> None:
    for n in range(5):
        send(cast, assessment, text=f"event {n}", to=["assessor"])

    user_id = cast.assessor.pk
    first = run_sync(notes_of_user, user_id=user_id, limit=3)
    second = run_sync(notes_of_user, user_id=user_id, limit=3, cursor=first.next_cursor)

    assert [n.text for n in first.items] == ["event 4", "event 3", "event 2"]
    assert [n.text for n in second.items] == ["event 1", "event 0"]
    assert second.next_cursor is None


def test_another_users_page_link_is_refused(cast: Any, assessment: Any) -> None:
    from assessments.errors import ValidationFailed

    for n in range(3):
        send(cast, assessment, text=f"event {n}", to=["assessor", "admin"])
    cursor = run_sync(notes_of_user, user_id=cast.assessor.pk, limit=1).next_cursor

    with pytest.raises(ValidationFailed):
        run_sync(notes_of_user, user_id=cast.admin.pk, cursor=cursor)


def test_marking_read_twice_takes_the_count_down_once(cast: Any, assessment: Any) -> None:
    send(cast, assessment, to=["assessor"])
    send(cast, assessment, to=["assessor"], kind=NotificationKind.OVERDUE)
    newest, older = notes(cast, "assessor")
    actor = cast.actor("assessor")

    run_sync(note_mark_read, actor=actor, note_id=newest.id)
    again = run_sync(note_mark_read, actor=actor, note_id=newest.id)

    assert again.read
    assert unread(cast, "assessor") == 1
    assert [n.read for n in notes(cast, "assessor")] == [True, False]


def test_a_user_cannot_mark_another_users_note(cast: Any, assessment: Any) -> None:
    send(cast, assessment, to=["assessor"])
    [note] = notes(cast, "assessor")

    for bad in (note.id, "not-a-note", "20261202T000000000000Z-" + "0" * 32):
        with pytest.raises(NotFoundError):
            run_sync(note_mark_read, actor=cast.actor("requestor"), note_id=bad)
    assert unread(cast, "assessor") == 1 and not notes(cast, "assessor")[0].read


def test_it_marks_all_read_across_transactions_of_at_most_100(cast: Any, assessment: Any) -> None:
    """150 unread notes (written as notify writes them): two transactions, count back to 0."""
    user_id = cast.admin.pk
    table = get_table()
    for n in range(150):
        note = Note(
            new_note_id(), NotificationKind.COMMENT, assessment.id, assessment.title, f"c{n}", "/", "x", "t"
        )
        run_sync(
            table.transact,
            [Put(note.to_item(user_id)), Update(notify_pk(user_id), UNREAD_SK, add={UNREAD_ATTR: 1})],
        )
    send(cast, assessment, by="assessor", to=["requestor"])  # someone else's unread note stays unread

    with instrumentation.recording() as calls:
        marked = run_sync(notes_mark_all_read, actor=cast.actor("admin"))

    assert marked == 150 and unread(cast, "admin") == 0
    assert calls.count("dynamodb", "TransactWriteItems") == 2
    assert all(n.read for n in notes(cast, "admin", limit=100))
    assert unread(cast, "requestor") == 1
    # Again: nothing left to mark, and the count stays at 0.
    assert run_sync(notes_mark_all_read, actor=cast.actor("admin")) == 0
    assert unread(cast, "admin") == 0


def test_two_tabs_reading_at_once_take_the_count_down_once(cast: Any, assessment: Any) -> None:
    import asyncio

    send(cast, assessment, to=["assessor"])
    send(cast, assessment, to=["assessor"], kind=NotificationKind.OVERDUE)
    newest, _older = notes(cast, "assessor")
    actor = cast.actor("assessor")

    async def both() -> None:
        await asyncio.gather(
            note_mark_read(actor=actor, note_id=newest.id),
            note_mark_read(actor=actor, note_id=newest.id),
            notes_mark_all_read(actor=actor),
        )

    run_sync(both)

    assert unread(cast, "assessor") == 0
    assert all(n.read for n in notes(cast, "assessor"))
    # And the counter item itself never went below zero.
    counter = run_sync(get_table().get, notify_pk(cast.assessor.pk), UNREAD_SK)
    assert counter is not None and counter[UNREAD_ATTR] == 0
