"""The guest links on the review site: list, invite, withdraw (assessors and admins).

Served by the admin site (its ``get_urls`` adds ``guest_admin_urls``), so each view gets the
site's staff check, CSRF protection and never-cache; the reviewer check is ``site.reviewer``.
After an invite whose e-mail went out, the page redirects (the link appears nowhere); when the
mail server refused it, the page shows the link once for the assessor to pass on (200, never
put in a message or the session, so it is stored nowhere).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse

from assessments.domain.records import Actor, AssessmentRecord
from assessments.errors import DomainError, NotFoundError, ValidationFailed
from assessments.guests.domain import DEFAULT_EXPIRY_DAYS, MAX_EXPIRY_DAYS
from assessments.guests.mail import guest_invite_email
from assessments.guests.service import guest_invite, guest_invites_list, guest_revoke
from assessments.selectors.assessments import assessment_for_actor
from assessments.selectors.questionnaires import aquestionnaire_get

if TYPE_CHECKING:
    from assessments.admin.site import TRAAdminSite

WHOLE = ""


class GuestInviteForm(forms.Form):
    email = forms.EmailField(max_length=254, error_messages={"required": "Enter the guest's e-mail address."})
    area = forms.ChoiceField(required=False)
    expires_in_days = forms.IntegerField(min_value=1, max_value=MAX_EXPIRY_DAYS, initial=DEFAULT_EXPIRY_DAYS)

    def __init__(self, *args: Any, areas: list[tuple[str, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["area"].choices = [(WHOLE, "The whole assessment"), *areas]


def guest_admin_urls(site: TRAAdminSite) -> list[Any]:
    view, post = site.async_admin_view, site._post
    base = "review/<str:assessment_id>/guests/"

    async def listing(request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await guests_page(site, request, await site.reviewer(request), assessment_id)

    async def invite(request: HttpRequest, assessment_id: str) -> HttpResponse:
        return await guests_invite(site, request, await site.reviewer(request), assessment_id)

    async def revoke(request: HttpRequest, assessment_id: str, invite_id: str) -> HttpResponse:
        return await guests_revoke(site, request, await site.reviewer(request), assessment_id, invite_id)

    return [
        path(base, view(listing), name="review_guests"),
        path(f"{base}invite/", post(invite), name="review_guest_invite"),
        path(f"{base}<str:invite_id>/revoke/", post(revoke), name="review_guest_revoke"),
    ]


def _url(assessment_id: str) -> str:
    return reverse("admin:review_guests", args=[assessment_id])


async def _areas(assessment: AssessmentRecord) -> list[tuple[str, str]]:
    questionnaire = await aquestionnaire_get(
        key=assessment.questionnaire_key, version=assessment.questionnaire_version
    )
    return [(area.key, area.name) for area in questionnaire.areas if area.key in assessment.active_areas]


async def guests_page(
    site: TRAAdminSite,
    request: HttpRequest,
    actor: Actor,
    assessment_id: str,
    *,
    form: GuestInviteForm | None = None,
    link: str | None = None,
    status: int = 200,
) -> HttpResponse:
    try:
        a = (await assessment_for_actor(actor=actor, assessment_id=assessment_id)).assessment
        invites = await guest_invites_list(actor=actor, assessment_id=assessment_id)
        areas = await _areas(a)
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_url(assessment_id))
    names = dict(areas)
    context = await site.context(
        request,
        title=f"{a.id} · guest reviewers",
        a=a,
        invites=[(i, names.get(i.area or "", "")) for i in invites],
        form=form or GuestInviteForm(areas=areas),
        link=link,
    )
    return TemplateResponse(request, "guests/admin/page.html", context, status=status)


async def guests_invite(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str
) -> HttpResponse:
    try:
        a = (await assessment_for_actor(actor=actor, assessment_id=assessment_id)).assessment
        areas = await _areas(a)
    except NotFoundError:
        raise Http404("No such assessment.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_url(assessment_id))
    form = GuestInviteForm(request.POST, areas=areas)
    if not form.is_valid():
        return await guests_page(site, request, actor, assessment_id, form=form, status=422)
    data = form.cleaned_data
    try:
        made, url = await guest_invite(
            actor=actor,
            assessment_id=assessment_id,
            email=data["email"],
            area=data["area"] or None,
            expires_in_days=data["expires_in_days"],
        )
    except ValidationFailed as exc:
        for name, message in (exc.extra.get("fields") or {}).items():
            form.add_error(name if name in form.fields else None, message)
        return await guests_page(site, request, actor, assessment_id, form=form, status=422)
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_url(assessment_id))
    sent = await guest_invite_email(
        invite=made, assessment=a, url=url, area_name=dict(areas).get(made.area or "")
    )
    if not sent:
        return await guests_page(site, request, actor, assessment_id, link=url)
    messages.success(request, f"Invitation sent to {made.email}.")
    return redirect(_url(assessment_id))


async def guests_revoke(
    site: TRAAdminSite, request: HttpRequest, actor: Actor, assessment_id: str, invite_id: str
) -> HttpResponse:
    try:
        revoked = await guest_revoke(actor=actor, assessment_id=assessment_id, invite_id=invite_id)
    except NotFoundError:
        raise Http404("No such guest invite.") from None
    except DomainError as exc:
        return site.error(request, exc, await site.context(request), retry=_url(assessment_id))
    messages.success(request, f"The link for {revoked.email} was withdrawn.")
    return redirect(_url(assessment_id))
