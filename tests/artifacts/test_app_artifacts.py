"""Runs every static artifact check over the real app, so a broken artifact fails CI naming its file."""

from pathlib import Path

import pytest

from .checker import CHECKS, AppTree, Check

ROOT = Path(__file__).parents[2]


@pytest.fixture(scope="module")
def tree() -> AppTree:
	"""One tree for all checks, so each file is parsed once."""
	return AppTree(ROOT)


@pytest.mark.parametrize("check", CHECKS, ids=lambda check: check.__name__)
def test_app_artifacts(tree: AppTree, check: Check) -> None:
	problems = check(tree)
	assert not problems, f"{check.__doc__}\n" + "\n".join(map(str, problems))
