"""The package installs with pip into a fresh virtual environment (Debian's confluent-kafka seen through
--system-site-packages, no package index), ships its type marker, and its `mailgate` command works."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT
from mailgate import __version__
from broker import properties  # noqa: E402


@pytest.fixture(scope="module")
def venv(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("pkg")
    source = base / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns("tests", "build", "*.egg-info", "__pycache__", ".pytest_cache"))
    env_dir = base / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", str(env_dir)])
    run([str(env_dir / "bin" / "pip"), "install", "--no-build-isolation", "--no-index", "--no-deps", "-q", str(source)])
    return env_dir


def run(command: list[str], cwd: Path | None = None, timeout: float = 180) -> subprocess.CompletedProcess:
    done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, cwd=cwd)
    assert done.returncode == 0, f"{command} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def test_pip_installs_the_package_with_its_version_type_marker_and_command(venv: Path, tmp_path: Path) -> None:
    python = str(venv / "bin" / "python")
    code = ("import importlib.metadata as m, pathlib, mailgate, mailgate.metagpt, confluent_kafka\n"
            "p = pathlib.Path(mailgate.__file__).parent\n"
            "print(m.version('mailgate'), mailgate.__version__, (p / 'py.typed').exists(), p)")
    version, attr, typed, where = run([python, "-c", code], cwd=tmp_path).stdout.split()
    assert (version, attr, typed) == (__version__, __version__, "True")
    assert Path(where).is_relative_to(venv), "imported from the source tree, not from the installation"

    assert run([str(venv / "bin" / "mailgate"), "--version"], cwd=tmp_path).stdout.strip() == f"mailgate {__version__}"


def test_the_installed_command_publishes_signed_from_a_json_file(venv: Path, tmp_path: Path, bootstrap, mailbox,
                                                                  read_record) -> None:
    credentials = "".join(f"{k}={v}\n" for k, v in properties().items() if k != "bootstrap.servers")
    (tmp_path / "agent.properties").write_text(
        f"bootstrap.servers={bootstrap}\nclient.id=mailgate-cli-test\n{credentials}"
        "mailgate.agent.id=ops-cli\nmailgate.agent.signing.key=AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA\n")
    draft = {"mailbox_id": mailbox, "team": "acme", "role": "Operator", "agent": "Olga", "to": ["customer@example.com"],
             "subject": "Maintenance", "markdown": "Tonight 22:00-23:00."}
    (tmp_path / "draft.json").write_text(json.dumps(draft))

    done = run([str(venv / "bin" / "mailgate"), "--json", "--config", "agent.properties", "publish", "--file",
                "draft.json", "--cc", "am@example.org"], cwd=tmp_path)

    published = json.loads(done.stdout)
    record = read_record("mail.intents", published["partition"], published["offset"])
    value = json.loads(record.value())
    assert (value["intent_id"], value["mailbox_id"], value["cc"], value["action"]) == (
        published["intent_id"], mailbox, ["am@example.org"], "SendEmail")
    assert dict(record.headers())["mailgate_agent"] == b"ops-cli"


def test_the_command_refuses_a_bad_draft_with_every_problem_and_exit_code_2(venv: Path, tmp_path: Path) -> None:
    (tmp_path / "draft.json").write_text(json.dumps({"mailbox_id": "mbx x", "to": ["not-an-address"], "bcc_all": 1}))
    done = subprocess.run([str(venv / "bin" / "mailgate"), "--bootstrap", "127.0.0.1:1", "publish", "--file", "draft.json"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2 and "unknown fields bcc_all" in done.stderr

    done = subprocess.run([str(venv / "bin" / "mailgate"), "--bootstrap", "127.0.0.1:1", "publish", "--mailbox",
                           "mbx x", "--to", "not-an-address", "--subject", "Hi\r\nBcc: all@example.com"],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert done.returncode == 2
    assert {"invalid_address", "header_injection", "invalid_format"} <= {
        line.rsplit("(", 1)[-1].rstrip(")") for line in done.stderr.splitlines()}, done.stderr
    assert done.stdout == ""
