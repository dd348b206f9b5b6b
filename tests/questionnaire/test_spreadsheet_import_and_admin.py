"""import_questionnaire reads XLSX and CSV; the admin downloads any version as XLSX."""

from __future__ import annotations

from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.urls import reverse

from assessments.models import QuestionnaireVersion
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.questionnaire.spreadsheet import (
    questionnaire_from_xlsx,
    questionnaire_to_csv,
    questionnaire_to_xlsx,
)
from assessments.questionnaire.spreadsheet.columns import MAX_FILE_BYTES
from assessments.selectors.questionnaires import default_questionnaire_path, questionnaire_get
from assessments.services.questionnaires import questionnaire_import
from tests.questionnaire.spreadsheets import sheet_csv, with_row

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _run(*args: str) -> str:
    out = StringIO()
    call_command("import_questionnaire", *args, stdout=out)
    return out.getvalue()


def _default() -> Any:
    return load_questionnaire_yaml(default_questionnaire_path().read_text(encoding="utf-8"))


@pytest.mark.django_db
@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_importing_the_default_as_a_spreadsheet_stores_the_same_questionnaire_as_its_yaml(
    tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"default{suffix}"
    if suffix == ".xlsx":
        path.write_bytes(questionnaire_to_xlsx(_default()))
    else:
        path.write_text(questionnaire_to_csv(_default()), encoding="utf-8")
    _run(str(default_questionnaire_path()), "--key", "from-yaml")

    output = _run(str(path), "--key", "from-sheet", "--activate")

    assert output.splitlines()[0] == (
        "Imported: General Technology Change TRA (file version 1.0) as from-sheet version 1, active."
    )
    assert "  Third Party Risk [third_party]: 17 questions" in output
    assert questionnaire_get(key="from-sheet", version=1) == questionnaire_get(key="from-yaml", version=1)
    assert "Already imported, unchanged" in _run(str(path), "--key", "from-sheet")
    assert QuestionnaireVersion.objects.filter(key="from-sheet").count() == 1


@pytest.mark.django_db
def test_a_broken_sheet_stops_the_import_with_the_row_and_column_and_stores_nothing(tmp_path: Path) -> None:
    path = tmp_path / "vendor.csv"
    path.write_text(sheet_csv(with_row(3, risk="Yes: severe")), encoding="utf-8")

    with pytest.raises(CommandError) as caught:
        _run(str(path), "--key", "vendor")

    assert f"{path}: Row 6, column 'risk', question 'V-3': answer 'Yes': 'severe' is not a risk level" in str(
        caught.value
    )
    assert not QuestionnaireVersion.objects.filter(key="vendor").exists()


@pytest.mark.django_db
def test_a_csv_saved_by_excel_with_a_byte_order_mark_imports(tmp_path: Path) -> None:
    path = tmp_path / "vendor.csv"
    path.write_text(sheet_csv(), encoding="utf-8-sig")

    assert "Imported: Small vendor TRA" in _run(str(path), "--key", "vendor")


def _xlsx_url(key: str = "default", version: int = 1) -> str:
    return reverse("admin:questionnaire_xlsx", args=[key, version])


@pytest.mark.parametrize("role", ["assessor", "admin"])
def test_assessors_and_admins_download_a_version_that_imports_back_as_the_same_questionnaire(
    cast: Any, role: str
) -> None:
    response = cast.client(role).get(_xlsx_url())

    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"] == 'attachment; filename="default-v1.xlsx"'
    assert questionnaire_from_xlsx(response.content) == questionnaire_get(key="default", version=1)


@pytest.mark.parametrize("role", [None, "requestor"])
def test_people_outside_the_admin_are_sent_to_its_sign_in_and_get_no_file(
    cast: Any, role: str | None
) -> None:
    response = cast.client(role).get(_xlsx_url())

    assert response.status_code == 302 and reverse("admin:login") in response.url


def test_staff_without_the_questionnaire_permission_are_refused(cast: Any) -> None:
    clerk = User.objects.create_user("clerk", "clerk@example.com", password="pw-clerk", is_staff=True)
    client = cast.client(None)
    client.force_login(clerk)

    response = client.get(_xlsx_url())

    assert response.status_code == 403
    assert response.get("Content-Type") != XLSX


def test_a_version_that_does_not_exist_is_a_404(cast: Any) -> None:
    assert cast.client("assessor").get(_xlsx_url(version=99)).status_code == 404


def test_every_version_offers_its_download_on_the_catalog_and_the_version_list(cast: Any) -> None:
    client = cast.client("assessor")

    catalog = client.get(reverse("admin:questionnaire_catalog")).content.decode()
    changelist = client.get(reverse("admin:assessments_questionnaireversion_changelist")).content.decode()

    for page in (catalog, changelist):
        assert f'<a href="{_xlsx_url()}" download' in page and "Download as XLSX" in page


@pytest.mark.django_db
def test_a_file_past_the_size_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.xlsx"
    path.write_bytes(b"\0" * (MAX_FILE_BYTES + 1))

    with pytest.raises(CommandError) as caught:
        _run(str(path), "--key", "huge")

    assert f"a questionnaire spreadsheet may be at most {MAX_FILE_BYTES:,}" in str(caught.value)


def test_a_version_that_xlsx_cannot_hold_gets_a_page_saying_why_not_a_broken_file(cast: Any) -> None:
    bell = 'assessment: {name: Bell}\nqualifying_questions:\n  - {id: Q-1, question: "Ring\\a", response_type: Yes/No}\n'
    questionnaire_import(text=bell, key="bell", activate=False)

    response = cast.client("assessor").get(_xlsx_url("bell"))

    assert response.status_code == 422
    assert "holds a control character, which an XLSX file cannot store" in response.content.decode()
