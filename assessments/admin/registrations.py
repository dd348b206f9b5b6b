"""Admin registrations: questionnaire versions are browsable (read-only) by staff."""

from __future__ import annotations

from django.contrib import admin

from assessments.admin.questionnaires import QuestionnaireVersionAdmin
from assessments.models import QuestionnaireVersion

admin.site.register(QuestionnaireVersion, QuestionnaireVersionAdmin)
