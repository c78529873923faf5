"""The examples under examples/ import and wire their roles (with the MetaGPT stand-in)."""

import importlib.util
import sys
from pathlib import Path

import pytest

from conftest import REPO
from test_metagpt import standin  # noqa: F401  (fixture)

EXAMPLES = REPO / "examples"


def load(path: Path):
    spec = importlib.util.spec_from_file_location("example_" + path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.py")), ids=lambda p: p.name)
def test_every_example_compiles(path: Path) -> None:
    compile(path.read_text(), str(path), "exec")


def test_the_communications_manager_checks_then_replies(standin, client) -> None:  # noqa: F811
    example = load(EXAMPLES / "communications_manager.py")
    cathy = example.CommunicationsManager(client)
    assert [a.name for a in cathy.actions] == ["CheckInbox", "ReplyEmail"]
    assert all(a.mailbox_id == example.MAILBOX and a._role is cathy for a in cathy.actions)


def test_two_roles_of_the_team_email_the_same_customer(standin, client) -> None:  # noqa: F811
    example = load(EXAMPLES / "conflicting_team.py")
    roles = example.team(client).roles
    assert [r.profile for r in roles] == ["Engineer", "ProductManager", "Architect"]
    senders = [r for r in roles if any(a.name == "SendEmail" for a in r.actions)]
    assert [r.name for r in senders] == ["Alice", "Dan"]
    assert all(r.rc.watch == {"ReportDelay"} for r in senders)
    sys.modules.pop("example_conflicting_team", None)
