"""The guest pages' URLs (mounted at /guest/ by tra_site/urls.py)."""

from __future__ import annotations

from django.urls import path

from assessments.guests import views

app_name = "guests"

urlpatterns = [
    path("<str:token>/", views.guest_page_view, name="page"),
    path("<str:token>/documents/<str:document_id>/", views.guest_document_view, name="document"),
    path("<str:token>/questions/<str:question_id>/comment/", views.guest_comment_view, name="comment"),
]
