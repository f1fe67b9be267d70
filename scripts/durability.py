#!/usr/bin/env python3
"""Crash safety and two instances, against real servers and real databases.

    scripts/durability.py BIN WORK_FOLDER [POSTGRES_URL]

1. Crash: a server under write load (threads creating problems through the API) is killed with SIGKILL,
   three times, on SQLite and (given a URL) on PostgreSQL. After each restart every write the server
   acknowledged (201 with an id) must be there, and `jieyou audit verify` must pass.
2. Two instances on one PostgreSQL serving one load: a session made on one works on the other, the
   event chain does not fork (`audit verify` after writes through both), and the daily jobs ran once
   (one `Overdue sweep` line across both logs).

Prints one line of figures per check; exits non-zero on the first failure. Standard library only.
"""
import http.cookiejar
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

PASSWORD = "Durable2024x"
# A valid 统一社会信用代码 (the template's example).
CREDIT_CODE = "91430682MA4L0B2X5A"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


class Jieyou:
    """The `jieyou` program on one database."""

    def __init__(self, binary, database_url, folder):
        self.binary = binary
        self.folder = folder
        self.env = dict(os.environ, DATABASE_URL=database_url, JIEYOU_BCRYPT_COST="4",
                        JIEYOU_ATTACHMENTS_DIR=os.path.join(folder, "attachments"), JIEYOU_BACKUP_KEEP="0")

    def run(self, *args):
        result = subprocess.run([self.binary, *args], env=self.env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            fail(f"jieyou {' '.join(args)}: {result.stderr.strip()[-800:]}")
        return result.stdout

    def set_up(self):
        """A park with one enterprise and a dispatcher, from the command line."""
        self.run("migrate")
        self.run("org", "create", "--level", "province", "--name", "湖南省", "--code", "430000")
        self.run("org", "create", "--level", "park", "--name", "临湘高新区", "--code", "LXGXQ", "--parent", "430000")
        sheet = os.path.join(self.folder, "enterprises.csv")
        with open(sheet, "w", encoding="utf-8") as f:
            f.write(f"统一社会信用代码,企业全称\n{CREDIT_CODE},临湘市浮标制造有限公司\n")
        self.run("import", "enterprises", sheet, "--org", "LXGXQ")
        self.run("user", "create", "--username", "lx_dispatcher", "--password", PASSWORD, "--role", "dispatcher",
                 "--org-unit", "LXGXQ", "--name", "调度员")


class Server:
    def __init__(self, jieyou, name):
        self.jieyou = jieyou
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(jieyou.folder, f"{name}.log")
        self.process = None

    def start(self):
        log = open(self.log_path, "a")
        self.process = subprocess.Popen(
            [self.jieyou.binary, "serve", "--hostname", "127.0.0.1", "--port", str(self.port)],
            env=self.jieyou.env, stdout=log, stderr=subprocess.STDOUT)
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                pass
            if self.process.poll() is not None:
                fail(f"server exited: {open(self.log_path).read()[-2000:]}")
            time.sleep(0.2)
        fail("server did not start")

    def kill(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.kill()


def api(base, method, path, token=None, body=None, timeout=15):
    request = urllib.request.Request(base + path, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, data=data, timeout=timeout) as response:
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, None


def sign_in(base):
    status, body = api(base, "POST", "/api/v1/auth/login", body={"username": "lx_dispatcher", "password": PASSWORD})
    if status != 200:
        fail(f"sign-in on {base}: {status}")
    return body["token"]


def enterprise_id(base, token):
    status, body = api(base, "GET", "/api/v1/enterprises", token)
    if status != 200 or not body["items"]:
        fail("the enterprise is not listed")
    return body["items"][0]["id"]


class WriteLoad:
    """Threads creating problems until stopped; what the server acknowledged is kept."""

    def __init__(self, bases, token, enterprise, threads=4):
        self.acknowledged = []
        self.refused = 0
        self.lock = threading.Lock()
        self.stopped = threading.Event()
        self.threads = [
            threading.Thread(target=self.work, args=(bases[i % len(bases)], token, enterprise, i), daemon=True)
            for i in range(threads)]

    def work(self, base, token, enterprise, worker):
        n = 0
        while not self.stopped.is_set():
            n += 1
            body = {"enterpriseId": enterprise, "description": f"厂区道路破损，第{worker}组第{n}次反映", "source": "visit"}
            try:
                status, answer = api(base, "POST", "/api/v1/problems", token, body, timeout=10)
            except OSError:
                continue  # the server went away mid-request: not acknowledged
            with self.lock:
                if status == 201:
                    self.acknowledged.append(answer["id"])
                else:
                    self.refused += 1

    def start(self):
        for thread in self.threads:
            thread.start()
        return self

    def stop(self):
        self.stopped.set()
        for thread in self.threads:
            thread.join(timeout=30)


def crash_rounds(jieyou, label, rounds=3, seconds=3):
    jieyou.set_up()
    acknowledged = []
    for round_number in range(1, rounds + 1):
        server = Server(jieyou, f"crash-{round_number}").start()
        token = sign_in(server.base)
        enterprise = enterprise_id(server.base, token)
        load = WriteLoad([server.base], token, enterprise).start()
        time.sleep(seconds)
        server.kill()  # SIGKILL while the writers are mid-request
        load.stop()
        acknowledged += load.acknowledged
        if load.refused:
            fail(f"{label}: {load.refused} writes were refused under load")
        server = Server(jieyou, f"after-crash-{round_number}").start()
        token = sign_in(server.base)
        missing = [i for i in acknowledged if api(server.base, "GET", f"/api/v1/problems/{i}", token)[0] != 200]
        server.stop()
        verified = jieyou.run("audit", "verify").strip()
        if missing:
            fail(f"{label} round {round_number}: {len(missing)} acknowledged writes lost, e.g. {missing[:3]}")
        events = re.search(r"共 (\d+) 条事件", verified)
        print(f"{label} crash round {round_number}: {len(load.acknowledged)} writes acknowledged before SIGKILL, "
              f"all {len(acknowledged)} so far present after restart; audit verify: {events.group(1)} events intact",
              flush=True)


def two_instances(binary, url, folder):
    jieyou = Jieyou(binary, url, folder)
    jieyou.set_up()
    first = Server(jieyou, "instance-a")
    second = Server(jieyou, "instance-b")
    first.start()
    second.start()
    try:
        # An API token made on one works on the other.
        token = sign_in(first.base)
        status, me = api(second.base, "GET", "/api/v1/me", token)
        if status != 200 or me["user"]["username"] != "lx_dispatcher":
            fail(f"a token from instance A is refused by instance B: {status}")
        # So does a web session.
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        page = opener.open(first.base + "/login", timeout=10).read().decode()
        csrf = re.search(r'name="_csrf" value="([^"]+)"', page).group(1)
        form = urllib.parse.urlencode({"username": "lx_dispatcher", "password": PASSWORD, "_csrf": csrf}).encode()
        opener.open(first.base + "/login", data=form, timeout=10).read()
        session = [c for c in jar if c.name == "jy_session"]
        if not session:
            fail("web sign-in on instance A set no session cookie")
        request = urllib.request.Request(second.base + "/", headers={"Cookie": f"jy_session={session[0].value}"})
        home = urllib.request.build_opener(NoRedirect).open(request, timeout=10)
        if home.status != 200 or "退出" not in home.read().decode():
            fail("a web session from instance A is not signed in on instance B")

        enterprise = enterprise_id(first.base, token)
        load = WriteLoad([first.base, second.base], token, enterprise).start()
        time.sleep(5)
        load.stop()
        if load.refused:
            fail(f"two instances: {load.refused} writes refused")
        status, listed = api(second.base, "GET", "/api/v1/problems?limit=1", token)
        total = listed.get("total") if isinstance(listed, dict) else None
    finally:
        first.stop()
        second.stop()
    verified = jieyou.run("audit", "verify").strip()
    events = re.search(r"共 (\d+) 条事件", verified).group(1)
    logs = open(first.log_path).read() + open(second.log_path).read()
    sweeps = logs.count("Overdue sweep:")
    if sweeps != 1:
        fail(f"two instances: the daily 催办 sweep ran {sweeps} times")
    print(f"two instances on PostgreSQL: token and web session of A accepted by B; {len(load.acknowledged)} writes "
          f"through both (ledger total {total}); audit verify: {events} events in one unbroken chain; "
          f"daily sweep ran once across both", flush=True)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def create_database(url, name):
    subprocess.run(["psql", url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return url.rsplit("/", 1)[0] + "/" + name


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    binary, work = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    postgres = sys.argv[3] if len(sys.argv) > 3 else None
    os.makedirs(work, exist_ok=True)
    sqlite_folder = os.path.join(work, "sqlite")
    os.makedirs(sqlite_folder, exist_ok=True)
    crash_rounds(Jieyou(binary, f"sqlite:{sqlite_folder}/jieyou.sqlite", sqlite_folder), "SQLite")
    if postgres:
        pg_folder = os.path.join(work, "postgres")
        os.makedirs(pg_folder, exist_ok=True)
        crash_rounds(Jieyou(binary, create_database(postgres, "durability_crash"), pg_folder), "PostgreSQL")
        pair_folder = os.path.join(work, "pair")
        os.makedirs(pair_folder, exist_ok=True)
        two_instances(binary, create_database(postgres, "durability_pair"), pair_folder)


if __name__ == "__main__":
    main()
