"""The `jieyou` command line against real databases: a new installation's first org unit and admin, bad
options, and `audit verify` on the demo database, intact and then with one hand-edited event row."""
import os
import shutil
import sqlite3
import subprocess
import tempfile

import pytest


def jieyou(db_path, *args):
    env = dict(os.environ, DATABASE_URL=f"sqlite:{db_path}", JIEYOU_BCRYPT_COST="4")
    return subprocess.run([os.environ["JIEYOU_BIN"], *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def folder():
    path = tempfile.mkdtemp()
    yield path
    shutil.rmtree(path)


@pytest.fixture
def demo_copy(folder):
    source = os.environ.get("JIEYOU_E2E_DB")
    if not source or not os.environ.get("JIEYOU_BIN"):
        pytest.fail("JIEYOU_E2E_DB and JIEYOU_BIN must be set")
    target = os.path.join(folder, "copy.sqlite")
    # The server has the file open in WAL mode: copy it through SQLite's backup API, not as bytes.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    return target


def test_verify_passes_on_the_demo(demo_copy):
    result = jieyou(demo_copy, "audit", "verify")
    assert result.returncode == 0, result.stderr
    assert "哈希链校验通过" in result.stdout


def test_verify_names_a_hand_edited_event(demo_copy):
    with sqlite3.connect(demo_copy) as db:
        db.execute("""UPDATE events SET changes = '{"name":{"after":"篡改"}}' WHERE sequence = 12""")
    result = jieyou(demo_copy, "audit", "verify")
    assert result.returncode != 0
    assert "#12" in result.stderr


def test_a_new_installation_from_the_command_line(folder):
    db = os.path.join(folder, "new.sqlite")
    assert jieyou(db, "migrate").returncode == 0
    made = jieyou(db, "org", "create", "--level", "province", "--name", "湖南省", "--code", "430000")
    assert made.returncode == 0, made.stderr
    park = jieyou(db, "org", "create", "--level", "park", "--name", "临湘高新区", "--code", "LXGXQ", "--parent", "430000")
    assert park.returncode == 0, park.stderr
    admin = jieyou(db, "user", "create", "--username", "lx_admin", "--password", "Admin2024x", "--role", "admin",
                   "--org-unit", "LXGXQ")
    assert admin.returncode == 0, admin.stderr
    assert "lx_admin" in admin.stdout
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT password_hash, roles FROM users WHERE username = 'lx_admin'").fetchone()
    assert stored[0].startswith("$2") and "Admin2024x" not in stored[0]
    assert stored[1] == ",admin,"
    assert jieyou(db, "audit", "verify").returncode == 0


def test_bad_options_name_the_option_and_change_nothing(folder):
    db = os.path.join(folder, "bad.sqlite")
    jieyou(db, "org", "create", "--level", "province", "--name", "湖南省", "--code", "430000")
    bad_role = jieyou(db, "user", "create", "--username", "x_user", "--password", "Admin2024x", "--role", "wizard")
    assert bad_role.returncode != 0
    assert "--role" in bad_role.stderr
    weak = jieyou(db, "user", "create", "--username", "x_user", "--password", "short", "--role", "admin")
    assert weak.returncode != 0
    assert "--password" in weak.stderr and "密码至少8位" in weak.stderr
    orphan = jieyou(db, "org", "create", "--level", "park", "--name", "园区", "--parent", "999999")
    assert orphan.returncode != 0 and "--parent" in orphan.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT COUNT(*) FROM users").fetchone()[0] == 0
        assert conn.execute("SELECT COUNT(*) FROM org_units").fetchone()[0] == 1


def test_verify_on_an_empty_database_says_to_migrate(folder):
    result = jieyou(os.path.join(folder, "empty.sqlite"), "audit", "verify")
    assert result.returncode != 0
    assert "jieyou migrate" in result.stderr


def test_import_enterprises_from_a_gb18030_csv(demo_copy, folder):
    good = os.path.join(folder, "名单.csv")
    with open(good, "w", encoding="gb18030", newline="") as f:
        f.write("统一社会信用代码,企业全称,所属行业,企业规模\r\n")
        f.write("91430682MA4L0B2X5A,临湘市示例浮标制造有限公司,制造业,规上\r\n")
    result = jieyou(demo_copy, "import", "enterprises", good, "--org", "CSGXQ")
    assert result.returncode == 0, result.stderr
    assert "新增 1" in result.stdout
    bad = os.path.join(folder, "bad.csv")
    with open(bad, "w", encoding="utf-8") as f:
        f.write("统一社会信用代码,企业全称,所属行业\n91430682MA4L0B2X6A,错误企业,化肥\n")
    result = jieyou(demo_copy, "import", "enterprises", bad, "--org", "CSGXQ")
    assert result.returncode != 0
    assert "第2行 A列（统一社会信用代码）" in result.stderr + result.stdout
    assert "第2行 C列（所属行业）" in result.stderr + result.stdout
    assert jieyou(demo_copy, "audit", "verify").returncode == 0
