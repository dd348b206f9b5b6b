"""Guest links: invite, revoke, list (reviewers), and resolve, view, comment (the guest).

A reviewer (assessor or admin) invites; the requestor cannot. Each use of a link is audited in
the assessment's trail with the invite id (``guest_viewed``, ``guest_commented``), never the
token or its hash. The e-mail is sent by ``mail.guest_invite_email`` right after the invite.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

from django.urls import reverse

from assessments.domain.records import Actor, AssessmentCollection, now_iso
from assessments.domain.review import CommentRecord
from assessments.errors import NotAllowed, NotFoundError, ValidationFailed
from assessments.guests import domain
from assessments.guests.domain import GuestInvite, GuestSession, InviteStatus, Refusal
from assessments.guests.errors import GuestRateLimited, GuestRefused
from assessments.guests.throttle import guest_link_allowed
from assessments.notifications.email import absolute
from assessments.selectors.assessments import assessment_collection, assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get
from assessments.services.audit import event_put
from assessments.services.boundary import table_errors_as_domain
from assessments.services.review.comments import comment_add
from integrations.errors import TransactionCanceled
from integrations.table import get_table
from integrations.table.contract import Condition, Put, SortKey

# The guest has no account: this id is theirs in comments and notifications (0 is the system's).
GUEST_USER_ID = -1
NOT_IN_AREA = "This question is not part of what you were invited to review."


def guest_actor(invite: GuestInvite) -> Actor:
    return Actor(user_id=GUEST_USER_ID, username=invite.author, roles=frozenset())


def _ensure_reviewer(actor: Actor) -> None:
    if not actor.is_reviewer:
        raise NotAllowed("Only assessors and admins can invite guest reviewers.")


def public_url(token: str) -> str:
    return absolute(reverse("guests:page", args=[token]))


async def guest_invite(
    *,
    actor: Actor,
    assessment_id: str,
    email: str,
    area: str | None,
    expires_in_days: int = domain.DEFAULT_EXPIRY_DAYS,
) -> tuple[GuestInvite, str]:
    """A new link for ``email`` to this assessment (one risk area when ``area`` is given).
    Returns the invite and the link; the link is never stored, only its token's hash."""
    _ensure_reviewer(actor)
    collection = await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    a = collection.assessment
    fields: dict[str, str] = {}
    address = domain.normalised_email(email)
    if address is None:
        fields["email"] = "Enter the guest's e-mail address."
    if problem := domain.expiry_problem(expires_in_days):
        fields["expires_in_days"] = problem
    area = area or None
    if area is not None:
        questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
        if area not in {r.key for r in questionnaire.areas}:
            fields["area"] = "Choose one of this assessment's risk areas, or the whole assessment."
    if fields or address is None:
        raise ValidationFailed(next(iter(fields.values())), extra={"fields": fields})
    now = datetime.now(UTC)
    token = domain.new_token()
    invite = GuestInvite(
        invite_id=uuid.uuid4().hex,
        assessment_id=a.id,
        email=address,
        area=area,
        created_at=now.isoformat(),
        created_by=actor.username,
        expires_at=domain.expires_at(now, expires_in_days).isoformat(),
    )
    event = event_put(
        assessment_id=a.id,
        event_type="guest_invited",
        actor=actor,
        after={
            "invite_id": invite.invite_id,
            "email": address,
            "area": area,
            "expires_at": invite.expires_at,
        },
    )
    with table_errors_as_domain():
        await get_table().transact(
            [
                Put(domain.pointer_item(digest=domain.token_hash(token), invite=invite), Condition.absent()),
                Put(invite.to_item(), Condition.absent()),
                event,
            ]
        )
    return invite, public_url(token)


async def guest_invites_list(*, actor: Actor, assessment_id: str) -> list[GuestInvite]:
    """This assessment's invites, newest first (one Query of its collection's invite entries)."""
    _ensure_reviewer(actor)
    await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    items = []
    start_key = None
    with table_errors_as_domain():
        while True:
            page = await get_table().query(
                partition=domain.keys.assessment_pk(assessment_id),
                sort=SortKey.begins_with(domain.INVITE_PREFIX),
                start_key=start_key,
            )
            items.extend(page.items)
            if not page.last_key:
                break
            start_key = page.last_key
    invites = [GuestInvite.from_item(i) for i in items]
    return sorted(invites, key=lambda i: i.created_at, reverse=True)


async def _invite_get(assessment_id: str, invite_id: str) -> GuestInvite | None:
    with table_errors_as_domain():
        item = await get_table().get(domain.keys.assessment_pk(assessment_id), domain.invite_sk(invite_id))
    return GuestInvite.from_item(item) if item else None


async def guest_revoke(*, actor: Actor, assessment_id: str, invite_id: str) -> GuestInvite:
    """Withdraw a link, by any reviewer; withdrawing a withdrawn one changes nothing."""
    _ensure_reviewer(actor)
    await assessment_for_actor(actor=actor, assessment_id=assessment_id)
    invite = await _invite_get(assessment_id, invite_id)
    if invite is None:
        raise NotFoundError("No such guest invite.")
    if invite.status is InviteStatus.REVOKED:
        return invite
    now = now_iso()
    revoked = dataclasses.replace(
        invite, status=InviteStatus.REVOKED, revoked_at=now, revoked_by=actor.username
    )
    try:
        with table_errors_as_domain():
            await get_table().transact(
                [
                    Put(revoked.to_item(), Condition.one_of("status", (InviteStatus.ACTIVE.value,))),
                    event_put(
                        assessment_id=assessment_id,
                        event_type="guest_revoked",
                        actor=actor,
                        after={"invite_id": invite_id, "email": invite.email},
                        at=now,
                    ),
                ]
            )
    except TransactionCanceled:
        # Someone withdrew it at the same moment: it is withdrawn either way.
        return await _invite_get(assessment_id, invite_id) or revoked
    return revoked


async def guest_resolve(*, token: str, now: datetime | None = None) -> GuestSession:
    """The invite behind a link, or GuestRefused (unknown/tampered, expired, withdrawn) and no data."""
    if not domain.looks_like_token(token):
        raise GuestRefused(Refusal.UNKNOWN)
    with table_errors_as_domain():
        pointer = await get_table().get(domain.pointer_pk(domain.token_hash(token)), domain.INVITE_SK)
    if pointer is None:
        raise GuestRefused(Refusal.UNKNOWN)
    invite = await _invite_get(pointer["assessment_id"], pointer["invite_id"])
    if invite is None:
        raise GuestRefused(Refusal.UNKNOWN)
    if reason := invite.refusal(now or datetime.now(UTC)):
        raise GuestRefused(reason)
    if not await guest_link_allowed(invite_id=invite.invite_id):
        raise GuestRateLimited()
    return GuestSession(invite)


async def guest_view(*, session: GuestSession) -> AssessmentCollection:
    """What the guest's page shows (the presenter narrows it to the area), audited as a view."""
    collection = await assessment_collection(assessment_id=session.assessment_id)
    invite = session.invite
    with table_errors_as_domain():
        await get_table().transact(
            [
                event_put(
                    assessment_id=invite.assessment_id,
                    event_type="guest_viewed",
                    actor=guest_actor(invite),
                    after={"invite_id": invite.invite_id, "area": invite.area},
                )
            ]
        )
    return collection


async def guest_comment(*, session: GuestSession, question_id: str, text: str) -> CommentRecord:
    """The guest's comment, through the one comment path (the same thread and notifications)."""
    invite = session.invite
    collection = await assessment_collection(assessment_id=invite.assessment_id)
    a = collection.assessment
    questionnaire = await aquestionnaire_get(key=a.questionnaire_key, version=a.questionnaire_version)
    if invite.area is not None and (
        not questionnaire.has_question(question_id)
        or questionnaire.question(question_id).area_key != invite.area
    ):
        raise ValidationFailed(NOT_IN_AREA, extra={"fields": {"question_id": NOT_IN_AREA}})
    return await comment_add(
        actor=guest_actor(invite),
        assessment_id=invite.assessment_id,
        question_id=question_id,
        text=text,
        guest=invite,
    )
