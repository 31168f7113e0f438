"""Fixtures of the export tests: headless Chromium for the browser tests."""
from __future__ import annotations

import os

import pytest

from tests.browser import chromium, missing
from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def browser():
    why = missing()
    if why:
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(f"browser tests must run in CI, but {why}")
        pytest.skip(why)
    with chromium() as b:
        yield b


@pytest.fixture(scope="session")
def artifacts():
    """A git-ignored folder for screenshots and other test artefacts."""
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
