from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from assessments.views import requestor

app_name = "assessments"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="assessments:list", permanent=False), name="home"),
    path("assessments/", requestor.assessment_list, name="list"),
    path("assessments/new/", requestor.assessment_new, name="new"),
    path("assessments/<str:assessment_id>/", requestor.assessment_detail, name="detail"),
    path("assessments/<str:assessment_id>/submit/", requestor.assessment_submit, name="submit"),
    path(
        "assessments/<str:assessment_id>/sections/<str:section>/",
        requestor.assessment_section,
        name="section",
    ),
    path(
        "assessments/<str:assessment_id>/answers/<str:question_id>/",
        requestor.answer_submit,
        name="answer",
    ),
]

auth_urlpatterns = [
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
