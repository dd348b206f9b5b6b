"""Finds what a strict Content-Security-Policy refuses to run: inline script and style, event
handler attributes, ``javascript:`` URLs, and htmx attributes that evaluate code."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

# Script types a browser does not execute (data blocks): CSP lets them through.
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json", "text/template"})


class _Finder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._inline_script: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = {name.lower(): value or "" for name, value in attrs}
        line = self.getpos()[0]
        if tag == "script" and "src" not in named and named.get("type", "").lower() not in DATA_SCRIPT_TYPES:
            self._inline_script = f"line {line}: inline <script>"
        if tag == "style":
            self.problems.append(f"line {line}: inline <style>")
        for name, value in named.items():
            if name == "style":
                self.problems.append(f"line {line}: style= on <{tag}>")
            elif name.startswith("on"):
                self.problems.append(f"line {line}: {name}= on <{tag}>")
            elif name.startswith(("hx-on", "data-hx-on")):
                self.problems.append(f"line {line}: {name}= on <{tag}> (htmx evaluates it)")
            elif name in ("hx-vals", "hx-headers") and value.lstrip().startswith(("js:", "javascript:")):
                self.problems.append(f"line {line}: {name}=js: on <{tag}> (htmx evaluates it)")
            elif name in ("href", "src", "action", "formaction") and value.strip().lower().startswith(
                "javascript:"
            ):
                self.problems.append(f"line {line}: javascript: URL in {name}= on <{tag}>")

    def handle_data(self, data: str) -> None:
        if self._inline_script is not None and data.strip():
            self.problems.append(self._inline_script)
            self._inline_script = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._inline_script = None


def inline_code(html: str) -> list[str]:
    """What in ``html`` a policy without 'unsafe-inline' / 'unsafe-eval' would block."""
    finder = _Finder()
    finder.feed(html)
    finder.close()
    return finder.problems


# Template tags and comments removed, so the HTML parser sees only the markup.
_TEMPLATE_SYNTAX = re.compile(
    r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}|\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.DOTALL
)


def inline_code_in_template(path: Path) -> list[str]:
    source = path.read_text()
    # Keep line numbers: replace each tag by as many newlines as it spans.
    markup = _TEMPLATE_SYNTAX.sub(lambda m: "x" + "\n" * m.group(0).count("\n"), source)
    return inline_code(markup)
