"""Shared fixtures: AWS through one moto server, both table backends, the cast of users."""

pytest_plugins = [
    "tests.fixtures.aws",
    "tests.fixtures.tables",
    "tests.fixtures.cast",
    "tests.fixtures.pipeline",
]
