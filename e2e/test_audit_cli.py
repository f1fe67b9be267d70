"""`jieyou audit verify` on the demo database: intact, then broken by one hand-edited event row."""
import os
import shutil
import sqlite3
import subprocess
import tempfile

import pytest


def run_verify(db_path):
    env = dict(os.environ, DATABASE_URL=f"sqlite:{db_path}")
    return subprocess.run([os.environ["JIEYOU_BIN"], "audit", "verify"], env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture
def demo_copy():
    source = os.environ.get("JIEYOU_E2E_DB")
    if not source or not os.environ.get("JIEYOU_BIN"):
        pytest.fail("JIEYOU_E2E_DB and JIEYOU_BIN must be set")
    folder = tempfile.mkdtemp()
    target = os.path.join(folder, "copy.sqlite")
    # The server has the file open in WAL mode: copy it through SQLite's backup API, not as bytes.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    yield target
    shutil.rmtree(folder)


def test_verify_passes_on_the_demo(demo_copy):
    result = run_verify(demo_copy)
    assert result.returncode == 0, result.stderr
    assert "哈希链校验通过" in result.stdout


def test_verify_names_a_hand_edited_event(demo_copy):
    with sqlite3.connect(demo_copy) as db:
        db.execute("""UPDATE events SET changes = '{"name":{"after":"篡改"}}' WHERE sequence = 12""")
    result = run_verify(demo_copy)
    assert result.returncode != 0
    assert "#12" in result.stderr
