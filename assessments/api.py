from __future__ import annotations

from ninja import NinjaAPI


def register(api: NinjaAPI) -> None:
    pass
