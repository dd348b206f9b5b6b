"""One notification e-mail: a subject with the assessment id and what happened, a text and an
HTML part, and an absolute link (TRA_PUBLIC_URL + the recipient's path)."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse

from assessments.notifications.kinds import NotificationKind

SUBJECT_TITLE_CHARS = 60


@dataclass(frozen=True)
class NoteEmail:
    kind: NotificationKind
    assessment_id: str
    assessment_title: str
    text: str
    link: str  # a path
    actor_name: str

    @property
    def subject(self) -> str:
        # One line (a header cannot hold a newline) and short enough to read in a list.
        title = " ".join(self.assessment_title.split())
        if len(title) > SUBJECT_TITLE_CHARS:
            title = title[: SUBJECT_TITLE_CHARS - 1].rstrip() + "…"
        return f"[TRA] {self.assessment_id}: {self.kind.label} ({title})"

    @property
    def url(self) -> str:
        return absolute(self.link)


def absolute(path: str) -> str:
    return f"{settings.TRA_PUBLIC_URL.rstrip('/')}{path}"


def note_message(note: NoteEmail, *, to: str) -> EmailMultiAlternatives:
    context = {
        "note": note,
        "url": note.url,
        "settings_url": absolute(reverse("notifications:settings")),
    }
    message = EmailMultiAlternatives(
        subject=note.subject,
        body=render_to_string("notifications/email/note.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[to],
    )
    message.attach_alternative(render_to_string("notifications/email/note.html", context), "text/html")
    return message
