"""A throw-away PostgreSQL server for tests, started from the server binaries.

:class:`PgServer` runs ``initdb`` into a temporary folder, starts the server with
``pg_ctl`` on a free loopback port (TCP on 127.0.0.1 only, its Unix socket inside the
temporary folder), and creates one fresh database per :meth:`PgServer.new_database`
call; :meth:`PgServer.stop` stops the server and deletes the folder.

Binaries are looked up in ``$NEWSGRAPH_PG_BIN``, then ``/usr/lib/postgresql/*/bin``
(Debian/Ubuntu package ``postgresql``; the newest version wins), then ``$PATH``.

Running as root: ``initdb`` and ``postgres`` refuse to run as root, so the server runs as
an unprivileged user. The helper uses the ``postgres`` system account that the Debian
package creates (else ``$NEWSGRAPH_PG_USER``, else ``nobody``); the temporary folder is
created in the system temp directory and handed to that user, and the commands are started
with ``subprocess``'s ``user=``/``group=`` (the same as ``runuser -u postgres -- CMD``).
Tests connect over TCP with ``trust`` authentication as the database superuser
``newsgraph``, so nothing depends on the server process's account.

:func:`pg_server_or_skip` is what fixtures call: with the binaries or psycopg missing it
skips with a message saying what to install, except when ``$CI`` is set, where it fails,
so that CI never silently skips the PostgreSQL tests.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

SUPERUSER = "newsgraph"
INSTALL_HINT = (
    "install the PostgreSQL server binaries (Debian/Ubuntu: apt-get install -y postgresql) "
    "and the driver (pip install 'psycopg[binary]', or the package's 'postgres' extra)"
)


class PgUnavailable(RuntimeError):
    """The binaries or the driver are missing."""


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or None."""
    env = os.environ.get("NEWSGRAPH_PG_BIN")
    if env and (Path(env) / "initdb").is_file():
        return Path(env)

    def version(p: str) -> tuple[int, ...]:
        part = Path(p).parent.parent.name
        return tuple(int(x) for x in part.split(".") if x.isdigit()) or (0,)

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=version, reverse=True)
    if found:
        return Path(found[0]).parent
    which = shutil.which("initdb")
    return Path(which).parent if which else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_as_user() -> pwd.struct_passwd | None:
    """The account to run the server as when we are root (None: run as ourselves)."""
    if os.geteuid() != 0:
        return None
    for name in (os.environ.get("NEWSGRAPH_PG_USER"), "postgres", "nobody"):
        if not name:
            continue
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise PgUnavailable("running as root and no unprivileged account (postgres, nobody) to run PostgreSQL as")


class PgServer:
    """One PostgreSQL server in a temporary folder. Use :meth:`start` / :meth:`stop` or ``with``."""

    def __init__(self, bin_dir: Path | None = None) -> None:
        self.bin_dir = bin_dir or find_bin_dir()
        if self.bin_dir is None:
            raise PgUnavailable("PostgreSQL server binaries (initdb, pg_ctl) not found")
        try:
            import psycopg  # noqa: F401
        except ImportError as e:
            raise PgUnavailable(f"the psycopg driver is not installed ({e})") from e
        self.user = _run_as_user()
        self.root: Path | None = None
        self.port = 0
        self.running = False

    # ---- process helpers --------------------------------------------------------
    def _cmd(self, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        kw: dict[str, Any] = {}
        env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C", "LANG": "C"}
        if self.user is not None:
            kw = {"user": self.user.pw_uid, "group": self.user.pw_gid, "extra_groups": []}
            env["HOME"] = str(self.root)
            env["USER"] = env["LOGNAME"] = self.user.pw_name
        exe = str(self.bin_dir / args[0])  # type: ignore[operator]
        res = subprocess.run(
            [exe, *args[1:]], capture_output=True, text=True, env=env, cwd=self.root, timeout=timeout, **kw
        )
        if res.returncode != 0:
            log = self.log_tail()
            raise RuntimeError(
                f"{args[0]} failed ({res.returncode}): {res.stderr.strip() or res.stdout.strip()}"
                + (f"\nserver log:\n{log}" if log else "")
            )
        return res

    def log_tail(self, n: int = 30) -> str:
        if self.root is None or not (self.root / "server.log").exists():
            return ""
        return "\n".join((self.root / "server.log").read_text(errors="replace").splitlines()[-n:])

    # ---- lifecycle --------------------------------------------------------------------
    def start(self) -> PgServer:
        self.root = Path(tempfile.mkdtemp(prefix="newsgraph-pg-"))
        if self.user is not None:  # the server's account must own its folder
            os.chown(self.root, self.user.pw_uid, self.user.pw_gid)
        data = self.root / "data"
        self._cmd(
            "initdb",
            "-D",
            str(data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
            "--no-instructions",
            timeout=120,
        )
        opts = " ".join(
            [
                "-c listen_addresses=127.0.0.1",
                f"-c unix_socket_directories='{self.root}'",
                "-c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                "-c max_connections=50 -c shared_buffers=32MB",
            ]
        )
        last: Exception | None = None
        for _ in range(5):  # another process may grab the port between choosing and binding
            self.port = free_port()
            try:
                self._cmd(
                    "pg_ctl",
                    "-D",
                    str(data),
                    "-l",
                    str(self.root / "server.log"),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    f"-p {self.port} {opts}",
                    "start",
                    timeout=90,
                )
                self.running = True
                return self
            except RuntimeError as e:
                last = e
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"could not start PostgreSQL: {last}")

    def stop(self) -> None:
        if self.root is None:
            return
        if self.running:
            try:
                self._cmd(
                    "pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop", timeout=60
                )
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
            self.running = False
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> PgServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- databases --------------------------------------------------------------------
    def url(self, dbname: str = "postgres", driver: str = "postgresql+psycopg") -> str:
        return f"{driver}://{SUPERUSER}@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
        ) as conn:
            conn.execute(sql)

    def new_database(self, prefix: str = "ng") -> str:
        """Create an empty database; returns its SQLAlchemy URL (psycopg 3 driver)."""
        name = f"{prefix}_{uuid.uuid4().hex[:10]}"
        self.admin(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, url: str) -> None:
        name = url.rsplit("/", 1)[1]
        self.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def pg_server_or_skip() -> PgServer:
    """A started server, or skip (locally) / fail (``$CI`` set) when PostgreSQL is unavailable."""
    try:
        server = PgServer()
    except PgUnavailable as e:
        msg = f"PostgreSQL tests need a server: {e}; {INSTALL_HINT}"
        if os.environ.get("CI"):
            pytest.fail(f"{msg} (CI is set, so this is an error, not a skip)")
        pytest.skip(msg)
    return server.start()


@contextmanager
def running_server() -> Iterator[PgServer]:
    server = pg_server_or_skip()
    try:
        yield server
    finally:
        server.stop()
