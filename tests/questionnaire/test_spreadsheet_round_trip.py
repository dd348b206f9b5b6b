"""A questionnaire written to XLSX or CSV reads back as the same questionnaire."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assessments.questionnaire.model import Questionnaire
from assessments.questionnaire.parser import load_questionnaire_yaml
from assessments.questionnaire.spreadsheet import (
    questionnaire_from_csv,
    questionnaire_from_xlsx,
    questionnaire_to_csv,
    questionnaire_to_xlsx,
)
from assessments.questionnaire.yaml_io import questionnaire_to_yaml
from assessments.selectors.questionnaires import default_questionnaire_path

ROOT = Path(__file__).resolve().parents[2]
FILES = {
    "default": default_questionnaire_path(),
    "vendor-security": ROOT / "tests/eval/questionnaires/vendor-security.yaml",
}


def _load(name: str) -> Questionnaire:
    return load_questionnaire_yaml(FILES[name].read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", FILES)
def test_yaml_to_xlsx_and_back_gives_the_same_questionnaire(name: str) -> None:
    original = _load(name)

    again = questionnaire_from_xlsx(questionnaire_to_xlsx(original))

    assert again == original
    assert questionnaire_to_yaml(again) == questionnaire_to_yaml(original)


@pytest.mark.parametrize("name", FILES)
def test_yaml_to_csv_and_back_gives_the_same_questionnaire(name: str) -> None:
    original = _load(name)

    again = questionnaire_from_csv(questionnaire_to_csv(original))

    assert again == original
    assert questionnaire_to_yaml(again) == questionnaire_to_yaml(original)


def test_the_round_trip_keeps_the_default_questionnaires_scoring_and_rules() -> None:
    # Equality above covers it; this says in the questionnaire's terms what must survive.
    again = questionnaire_from_xlsx(questionnaire_to_xlsx(_load("default")))

    assert again.is_scored
    q05 = again.question("Q-05")
    assert [(rule.answer, rule.level.value) for rule in q05.risk] == [("Yes", "medium")]
    assert q05.on_yes is not None and q05.on_yes.risk_area == "third_party"
    assert again.question("Q-03").not_before == "today"
    assert "navigation_rules" in again.extras


def test_the_workbook_has_a_frozen_header_widths_a_readme_and_a_choice_list_for_response_type() -> None:
    book = load_workbook(io.BytesIO(questionnaire_to_xlsx(_load("default"))))

    assert book.sheetnames == ["Questions", "Assessment", "README"]
    sheet = book["Questions"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header[:7] == [
        "id",
        "level",
        "area",
        "area_name",
        "area_triggered_by",
        "question",
        "response_type",
    ]
    assert sheet.column_dimensions["F"].width == 60  # the question text
    assert sheet.auto_filter.ref
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["G2:G92"] == '"Yes/No,free-text,single-choice,multi-choice,date,number"'
    readme = "\n".join(str(row[0].value) for row in book["README"].iter_rows() if row[0].value)
    assert "response_type" in readme and "import_questionnaire" in readme
    assert book["Assessment"]["B2"].value == "General Technology Change TRA"


TRICKY_YAML = """
assessment: {name: "=HYPERLINK(\\"http://evil.example\\",\\"Click\\")", version: "1"}
qualifying_questions:
  - id: Q-1
    question: "=1+1"
    response_type: single-choice
    options: ["+44 phone", "-", "@SUM(A1)", "'=already quoted", "'plain"]
  - id: Q-2
    question: How many?
    response_type: number
    min: -5
    comments: "-2+3"
"""


def test_text_that_looks_like_a_formula_is_written_as_text_and_reads_back_exactly() -> None:
    original = load_questionnaire_yaml(TRICKY_YAML)
    content = questionnaire_to_xlsx(original)

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        sheets = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any("<f>" in xml or "<f " in xml for xml in sheets), "a cell was written as a formula"
    book = load_workbook(io.BytesIO(content))
    cell = book["Questions"]["F2"]
    assert (cell.value, cell.data_type, cell.quotePrefix) == ("=1+1", "s", True)
    assert questionnaire_from_xlsx(content) == original


def test_the_csv_export_quotes_formula_starts_and_the_import_takes_the_quote_off() -> None:
    original = load_questionnaire_yaml(TRICKY_YAML)
    text = questionnaire_to_csv(original)

    cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
    assert "'=1+1" in cells and "'-5" in cells and "'-2+3" in cells
    assert "'+44 phone\n-\n@SUM(A1)\n'=already quoted\n'plain" in cells  # a formula starts a cell only
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@"))]
    assert questionnaire_from_csv(text) == original


def test_the_format_pages_csv_example_imports_as_described() -> None:
    page = (ROOT / "docs/questionnaire-format.md").read_text(encoding="utf-8")
    example = page.split("```csv\n", 1)[1].split("```", 1)[0]

    questionnaire = questionnaire_from_csv(example)

    assert questionnaire.name == "Example TRA"
    assert questionnaire.area("third_party").name == "Third Party Risk"
    assert questionnaire.question("Q-05").on_yes is not None
    assert questionnaire.question("Q-05").on_yes.risk_area == "third_party"
    assert [r.answer for r in questionnaire.question("TP-02").risk] == ["Critical", "High", "Medium", "Low"]
