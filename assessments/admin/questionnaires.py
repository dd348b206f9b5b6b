"""Admin for questionnaires: read-only versions, and which assessments use each version.

Versions are immutable (new ones come from ``manage.py import_questionnaire``). Besides the
model's own list, two async pages read the usage the TRA table keeps per version
(``selectors/questionnaire_catalog.py``): every questionnaire with its versions and how many
assessments use each, and one version's assessments, paged. Assessors and admins see them,
and may download any version as an XLSX workbook (assessments/questionnaire/spreadsheet/) that
``import_questionnaire`` reads back as the same questionnaire.
"""

from __future__ import annotations

import asyncio
from typing import Any

from asgiref.sync import sync_to_async
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html

from assessments.domain.roles import is_reviewer
from assessments.errors import DomainError
from assessments.http import aactor_of
from assessments.models import QuestionnaireVersion
from assessments.questionnaire.spreadsheet import questionnaire_to_xlsx
from assessments.questionnaire.spreadsheet.xlsx import CONTENT_TYPE as XLSX_CONTENT_TYPE
from assessments.selectors.questionnaire_catalog import questionnaire_catalog, questionnaire_usage
from assessments.selectors.questionnaires import aquestionnaire_get

USAGE_PAGE_SIZE = 25


class QuestionnaireVersionAdmin(admin.ModelAdmin):
    list_display = (
        "key",
        "version",
        "name",
        "source_version",
        "is_active",
        "imported_at",
        "usage",
        "spreadsheet",
    )
    list_filter = ("key", "is_active")
    search_fields = ("name", "key")
    ordering = ("key", "-version")
    change_list_template = "admin/questionnaire_version_change_list.html"
    readonly_fields = (
        "key",
        "version",
        "name",
        "source_version",
        "definition",
        "is_active",
        "imported_at",
        "sha256",
    )

    @admin.display(description="Assessments")
    def usage(self, obj: QuestionnaireVersion) -> str:
        # A link, not a count: the changelist is a sync page and counts are table reads.
        url = reverse("admin:questionnaire_usage", args=[obj.key, obj.version])
        return format_html('<a href="{}">Assessments using it</a>', url)

    @admin.display(description="Spreadsheet")
    def spreadsheet(self, obj: QuestionnaireVersion) -> str:
        url = reverse("admin:questionnaire_xlsx", args=[obj.key, obj.version])
        return format_html('<a href="{}" download>Download as XLSX</a>', url)

    def get_urls(self) -> list[Any]:
        site: Any = self.admin_site
        return [
            path("usage/", site.async_admin_view(self.catalog_view), name="questionnaire_catalog"),
            path(
                "usage/<slug:key>/<int:version>/",
                site.async_admin_view(self.usage_view),
                name="questionnaire_usage",
            ),
            path(
                "xlsx/<slug:key>/<int:version>/",
                site.async_admin_view(self.xlsx_view),
                name="questionnaire_xlsx",
            ),
            *super().get_urls(),
        ]

    # Assessors review assessments against these questions, so they may read them too.
    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_reviewer(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj: QuestionnaireVersion | None = None) -> bool:
        return is_reviewer(request.user) or super().has_view_permission(request, obj)

    # Editing a version in place would change answers' meaning under existing assessments;
    # importing a new version is the only way to change a questionnaire.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: QuestionnaireVersion | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: QuestionnaireVersion | None = None) -> bool:
        return False

    async def _reviewer_only(self, request: HttpRequest) -> None:
        actor = await aactor_of(request)
        if actor is None or not actor.is_reviewer:
            raise PermissionDenied("Only assessors and admins can see questionnaire usage.")

    async def _context(self, request: HttpRequest, **extra: Any) -> dict[str, Any]:
        site_context = await sync_to_async(self.admin_site.each_context)(request)
        return {**site_context, "opts": self.model._meta, **extra}

    def _error(self, request: HttpRequest, error: DomainError, context: dict[str, Any]) -> HttpResponse:
        context = {**context, "error": error, "retry": request.get_full_path()}
        return TemplateResponse(request, "admin/questionnaire_usage_error.html", context, status=error.status)

    async def catalog_view(self, request: HttpRequest) -> HttpResponse:
        await self._reviewer_only(request)
        context = await self._context(request, title="Questionnaires and their use")
        try:
            context["questionnaires"] = await questionnaire_catalog()
        except DomainError as exc:
            return self._error(request, exc, context)
        return TemplateResponse(request, "admin/questionnaire_catalog.html", context)

    async def usage_view(self, request: HttpRequest, key: str, version: int) -> HttpResponse:
        await self._reviewer_only(request)
        record = await QuestionnaireVersion.objects.filter(key=key, version=version).afirst()
        if record is None:
            raise Http404("No such questionnaire version.")
        context = await self._context(
            request, title=f"Assessments on {record.name} ({record.key} v{record.version})", record=record
        )
        try:
            context["page"] = await questionnaire_usage(
                key=key, version=version, cursor=request.GET.get("cursor"), limit=USAGE_PAGE_SIZE
            )
        except DomainError as exc:
            return self._error(request, exc, context)
        return TemplateResponse(request, "admin/questionnaire_usage.html", context)

    async def xlsx_view(self, request: HttpRequest, key: str, version: int) -> HttpResponse:
        """One version as an XLSX workbook, for whoever may view questionnaire versions here."""
        record = await QuestionnaireVersion.objects.filter(key=key, version=version).afirst()
        # has_view_permission reads the user's permissions from the database: off the loop.
        if not await sync_to_async(self.has_view_permission)(request, record):
            raise PermissionDenied("You may not read questionnaire versions.")
        if record is None:
            raise Http404("No such questionnaire version.")
        questionnaire = await aquestionnaire_get(key=key, version=version)
        # Building the workbook is CPU work (tens of milliseconds for ours): not on the event loop.
        try:
            content = await asyncio.to_thread(questionnaire_to_xlsx, questionnaire)
        except DomainError as exc:  # a text XLSX cannot store (a control character): say which
            context = await self._context(
                request, title=f"{record.name} ({record.key} v{record.version}) as XLSX"
            )
            return self._error(request, exc, context)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{record.key}-v{record.version}.xlsx"'
        response["X-Content-Type-Options"] = "nosniff"
        return response
