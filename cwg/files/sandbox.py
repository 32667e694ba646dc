"""The client side of the extraction fork server: one warm server per process, thread-safe."""

import atexit
import json
import os
import selectors
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
# What the server adds on top of the child's own wall-clock limit before it is presumed dead.
SERVER_GRACE_SECONDS = 10
SIGNAL_REASONS = {
    signal.SIGXCPU: "cpu",
    signal.SIGKILL: "killed",
    signal.SIGSEGV: "crashed",
    signal.SIGABRT: "crashed",
}


class SandboxError(Exception):
    """reason: cpu, timeout, memory, crashed, killed, encrypted, server, or a parser's error."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


class _ForkServer:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None
        self._owner_pid: int | None = None

    def _start(self) -> subprocess.Popen:
        process = subprocess.Popen(  # noqa: S603 - our own interpreter and module
            [sys.executable, "-m", "cwg.files.forkserver"],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
            env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        )
        if self._read_line(process, timeout=60) != "ready":
            process.kill()
            raise SandboxError("server")
        self._process, self._owner_pid = process, os.getpid()
        return process

    def _server(self) -> subprocess.Popen:
        # A process forked from the one that started the server must not share its pipes.
        alive = self._process is not None and self._process.poll() is None
        if not alive or self._owner_pid != os.getpid():
            return self._start()
        return self._process

    @staticmethod
    def _read_line(process: subprocess.Popen, *, timeout: float) -> str | None:
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                return None
        line = process.stdout.readline()
        return line.strip() if line else None

    def stop(self) -> None:
        if self._process is not None and self._owner_pid == os.getpid():
            self._process.kill()
            self._process.wait()
        self._process = None

    def run(self, job: dict) -> dict:
        with self._lock, tempfile.TemporaryDirectory(prefix="cwg-extract-") as folder:
            result_path = Path(folder) / "result.json"
            job = {**job, "result": str(result_path)}
            process = self._server()
            try:
                process.stdin.write(json.dumps(job) + "\n")
                process.stdin.flush()
            except (BrokenPipeError, OSError):
                process = self._start()
                process.stdin.write(json.dumps(job) + "\n")
                process.stdin.flush()
            line = self._read_line(process, timeout=float(job["wall"]) + SERVER_GRACE_SECONDS)
            if line is None:
                self.stop()
                raise SandboxError("server")
            answer = json.loads(line)
            if answer["timed_out"]:
                raise SandboxError("timeout")
            if answer["signal"] is not None:
                raise SandboxError(SIGNAL_REASONS.get(answer["signal"], "crashed"))
            if not result_path.exists():
                raise SandboxError("crashed")
            result = json.loads(result_path.read_text(encoding="utf-8"))
        if not result["ok"]:
            raise SandboxError(result["reason"])
        return {**result, "max_rss_kb": answer["max_rss_kb"]}


_fork_server = _ForkServer()
atexit.register(_fork_server.stop)


def run_job(job: dict) -> dict:
    return _fork_server.run(job)
