"""Services a fault test may break at will: its own Redis, and a mail server that refuses.

Never the machine's shared Redis: other runs use it. Each test starts its own throwaway one.
"""

import shutil
import socket
import socketserver
import subprocess
import threading
import time
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


class ThrowawayRedis:
    """redis-server on a free port, without persistence; kill() and start() at will."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            pytest.fail("redis-server is not installed")
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(  # noqa: S603 - fixed command line, a local test server
            [
                self.binary,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not answers(self.port):
            if self.process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"redis-server did not start on port {self.port}")
            time.sleep(0.05)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


class MailServer:
    """A bare SMTP server that answers 554 to its first `refuse_first` connections."""

    def __init__(self, *, refuse_first: int) -> None:
        self.refuse_first = refuse_first
        self.connections = 0
        self.refused = 0
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPHandler)
        self.server.daemon_threads = True
        self.server.mail = self
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "MailServer":
        self.thread.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.server.shutdown()
        self.server.server_close()

    def subjects(self) -> list[str]:
        with self.lock:
            return [str(message["Subject"]) for message in self.messages]

    def _accepts(self) -> bool:
        with self.lock:
            self.connections += 1
            if self.connections <= self.refuse_first:
                self.refused += 1
                return False
            return True


class _SMTPHandler(socketserver.StreamRequestHandler):
    def reply(self, line: str) -> None:
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        mail: MailServer = self.server.mail
        if not mail._accepts():
            self.reply("554 5.3.2 Not accepting mail at the moment")
            return
        self.reply("220 test ESMTP")
        body: list[bytes] | None = None
        for raw in self.rfile:
            line = raw.rstrip(b"\r\n")
            if body is not None:
                if line == b".":
                    message = message_from_bytes(b"\r\n".join(body), policy=policy.default)
                    with mail.lock:
                        mail.messages.append(message)
                    body = None
                    self.reply("250 2.0.0 queued")
                else:
                    body.append(line[1:] if line.startswith(b"..") else line)
                continue
            command = line[:4].upper()
            if command == b"DATA":
                body = []
                self.reply("354 end with .")
            elif command == b"QUIT":
                self.reply("221 bye")
                return
            else:  # EHLO, HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


def public_input(call, people, *, text: str = "An input"):
    """One input from the public to `call`'s first question: a row, a reference, a receipt."""
    from consultations.services import submit_input

    return submit_input(
        call=call,
        by=people["public"],
        name="Author",
        email="author@example.invalid",
        stakeholder_type="academia",
        answers={call.questions.first().pk: text},
    )
