"""manage.py import_questionnaire PATH [--activate] [--key KEY]

PATH is a YAML file, or a spreadsheet (.xlsx, .csv; see docs/questionnaire-format.md,
"Spreadsheets"), which is stored as the canonical YAML of the questionnaire it holds.
"""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from assessments.models import QuestionnaireVersion
from assessments.questionnaire.errors import QuestionnaireError
from assessments.questionnaire.spreadsheet import is_spreadsheet, questionnaire_from_file
from assessments.questionnaire.yaml_io import questionnaire_to_yaml
from assessments.selectors.questionnaires import questionnaire_get
from assessments.services.questionnaires import questionnaire_import, source_sha256


class Command(BaseCommand):
    help = "Validate a questionnaire (YAML, XLSX or CSV) and store it as the next version of its key."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "path", type=Path, help="The questionnaire: a .yaml file, or a .xlsx or .csv spreadsheet."
        )
        parser.add_argument("--key", default="default", help="Questionnaire key (default: %(default)s).")
        parser.add_argument(
            "--activate", action="store_true", help="Make this version the one new assessments use."
        )

    def handle(self, *args: Any, path: Path, key: str, activate: bool, **options: Any) -> None:
        try:
            text = self._source_text(path)
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        except QuestionnaireError as exc:
            raise CommandError(f"{path}: {exc}") from exc
        already = QuestionnaireVersion.objects.filter(key=key, sha256=source_sha256(text)).exists()
        try:
            record = questionnaire_import(text=text, key=key, activate=activate)
        except QuestionnaireError as exc:
            raise CommandError(f"{path}: {exc}") from exc

        questionnaire = questionnaire_get(key=record.key, version=record.version)
        verb = "Already imported, unchanged" if already else "Imported"
        state = "active" if record.is_active else "not active"
        self.stdout.write(
            self.style.SUCCESS(
                f"{verb}: {questionnaire.name} (file version {questionnaire.version or '-'}) "
                f"as {record.key} version {record.version}, {state}."
            )
        )
        for area in questionnaire.areas:
            self.stdout.write(f"  {area.name} [{area.key}]: {len(area.questions)} questions")
        self.stdout.write(f"Qualifying questions: {len(questionnaire.qualifying)}")

    def _source_text(self, path: Path) -> str:
        """The YAML to store: the file itself, or the canonical YAML of a spreadsheet's questionnaire.

        A spreadsheet goes through the same parser twice (rows → model → YAML → model); storing
        YAML keeps one source format in the database and makes re-importing the same sheet a no-op.
        """
        if is_spreadsheet(path):
            return questionnaire_to_yaml(questionnaire_from_file(path))
        return path.read_text(encoding="utf-8")
