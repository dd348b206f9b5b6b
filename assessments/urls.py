from __future__ import annotations

from django.contrib.auth import views as auth_views
from django.urls import path
from django.views.generic import RedirectView

from assessments.accounts.views import ThrottledLoginView
from assessments.views import bulk_accept, documents, exports, requestor, reuse, review, search, suggestions

app_name = "assessments"

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="assessments:list", permanent=False), name="home"),
    path("assessments/", requestor.assessment_list, name="list"),
    path("assessments/new/", requestor.assessment_new, name="new"),
    path("assessments/search/", search.search_page, name="search"),
    path("reassessments/due/", reuse.due_list, name="reassessments_due"),
    path("assessments/<str:assessment_id>/reassess/", reuse.reassess, name="reassess"),
    path(
        "assessments/<str:assessment_id>/answers/<str:question_id>/confirm/",
        reuse.carried_confirm,
        name="carried_confirm",
    ),
    path(
        "assessments/<str:assessment_id>/answers/<str:question_id>/library/",
        reuse.library_page,
        name="library_offers",
    ),
    path(
        "assessments/<str:assessment_id>/answers/<str:question_id>/library/use/",
        reuse.library_use,
        name="library_use",
    ),
    path("assessments/<str:assessment_id>/", requestor.assessment_detail, name="detail"),
    path("assessments/<str:assessment_id>/submit/", requestor.assessment_submit, name="submit"),
    path("assessments/<str:assessment_id>/withdraw/", review.assessment_withdraw_view, name="withdraw"),
    path(
        "assessments/<str:assessment_id>/comments/<str:question_id>/",
        review.comment_add_view,
        name="comment_add",
    ),
    path(
        "assessments/<str:assessment_id>/comments/<str:question_id>/resolve/",
        review.thread_resolve_view,
        name="thread_resolve",
    ),
    path(
        "assessments/<str:assessment_id>/comments/<str:question_id>/reopen/",
        review.thread_reopen_view,
        name="thread_reopen",
    ),
    path(
        "assessments/<str:assessment_id>/sections/<str:section>/",
        requestor.assessment_section,
        name="section",
    ),
    path(
        "assessments/<str:assessment_id>/sections/<str:section>/accept-high/",
        bulk_accept.section_accept_high,
        name="section_accept_high",
    ),
    path(
        "assessments/<str:assessment_id>/answers/<str:question_id>/",
        requestor.answer_submit,
        name="answer",
    ),
    path(
        "assessments/<str:assessment_id>/questions/<str:question_id>/",
        requestor.question_fragment,
        name="question",
    ),
    path("assessments/<str:assessment_id>/documents/", documents.documents_list, name="documents"),
    path("assessments/<str:assessment_id>/documents/upload/", documents.documents_upload_view, name="upload"),
    path(
        "assessments/<str:assessment_id>/documents/<str:document_id>/retry/",
        documents.document_retry_view,
        name="document_retry",
    ),
    path(
        "assessments/<str:assessment_id>/documents/<str:document_id>/remove/",
        documents.document_remove_view,
        name="document_remove",
    ),
    path(
        "assessments/<str:assessment_id>/documents/<str:document_id>/download/",
        documents.document_download_view,
        name="document_download",
    ),
    path("assessments/<str:assessment_id>/exports/", exports.exports_panel, name="exports"),
    path("assessments/<str:assessment_id>/exports/new/", exports.export_request_view, name="export_request"),
    path(
        "assessments/<str:assessment_id>/exports/<str:export_id>/download/",
        exports.export_download_view,
        name="export_download",
    ),
    path(
        "assessments/<str:assessment_id>/suggestions/<str:question_id>/accept/",
        suggestions.suggestion_accept,
        name="suggestion_accept",
    ),
    path(
        "assessments/<str:assessment_id>/suggestions/<str:question_id>/dismiss/",
        suggestions.suggestion_dismiss_view,
        name="suggestion_dismiss",
    ),
    path(
        "assessments/<str:assessment_id>/suggestions/<str:question_id>/retry/",
        suggestions.suggestion_retry,
        name="suggestion_retry",
    ),
    path(
        "assessments/<str:assessment_id>/suggestions/<str:question_id>/stream/",
        suggestions.suggestion_stream,
        name="suggestion_stream",
    ),
]

auth_urlpatterns = [
    # Failed sign-ins are throttled per account and per address (assessments/accounts/throttle.py).
    path("login/", ThrottledLoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
]
