"""The notifications pages: the list, mark one / all read, e-mail preferences."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from assessments.accounts import directory
from assessments.errors import DomainError, ServiceUnavailable
from assessments.http import signed_in_actor
from assessments.notifications.forms import EmailPreferencesForm
from assessments.notifications.kinds import NotificationKind
from assessments.notifications.reading import note_mark_read, notes_mark_all_read
from assessments.notifications.selectors import notes_of_user, unread_count
from assessments.views.errors import error_response

PAGE_SIZE = 20


@login_required
async def notification_list(request: HttpRequest) -> HttpResponse:
    actor = await signed_in_actor(request)
    try:
        page = await notes_of_user(user_id=actor.user_id, cursor=request.GET.get("cursor"), limit=PAGE_SIZE)
        unread = await unread_count(user_id=actor.user_id)
    except DomainError as exc:
        return error_response(request, exc)
    return render(request, "notifications/list.html", {"page": page, "unread": unread})


@login_required
@require_POST
async def notification_read(request: HttpRequest, note_id: str) -> HttpResponse:
    """Mark one read; with ``open`` go on to the assessment, else back to the list."""
    try:
        note = await note_mark_read(actor=await signed_in_actor(request), note_id=note_id)
    except DomainError as exc:
        return error_response(request, exc)
    if request.POST.get("open") and url_has_allowed_host_and_scheme(note.link, allowed_hosts=None):
        return redirect(note.link)
    return redirect("notifications:list")


@login_required
@require_POST
async def notification_read_all(request: HttpRequest) -> HttpResponse:
    try:
        marked = await notes_mark_all_read(actor=await signed_in_actor(request))
    except DomainError as exc:
        return error_response(request, exc)
    messages.success(request, f"{marked} notification{'s' if marked != 1 else ''} marked read.")
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
async def notification_settings(request: HttpRequest) -> HttpResponse:
    actor = await signed_in_actor(request)
    status = 200
    try:
        if request.method == "POST":
            form = EmailPreferencesForm(request.POST)
            if form.is_valid():
                await directory.email_opt_outs_set(actor.user_id, kinds=form.opted_out())
                messages.success(request, "Your e-mail preferences are saved.")
                return redirect("notifications:settings")
            status = 422
        else:
            off = await directory.email_opt_outs(actor.user_id)
            form = EmailPreferencesForm(
                initial={"email_kinds": [k.value for k in NotificationKind if k not in off]}
            )
    except DatabaseError:
        return error_response(
            request, ServiceUnavailable("Your preferences could not be read or saved; please try again.")
        )
    return render(request, "notifications/settings.html", {"form": form}, status=status)
