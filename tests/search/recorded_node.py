"""A transport node that answers the real Elasticsearch client from recorded responses.

Only the HTTP exchange is replaced: the client serialises the requests, checks the product
header and parses the answers as it does against a server. Each expected request is a method,
a path pattern and the recording that answers it, in order; every request sent is kept.
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qsl, urlsplit

from elastic_transport import ApiResponseMeta, BaseNode, HttpHeaders
from elasticsearch import Elasticsearch

RECORDINGS = Path(__file__).parent / "recordings"


class Answer(NamedTuple):  # what BaseNode.perform_request returns
    meta: ApiResponseMeta
    body: bytes


@dataclass
class Request:
    method: str
    path: str
    params: dict[str, str]
    body: object  # the JSON document, or the list of documents of an NDJSON body


@dataclass
class RecordedServer:
    expected: list[tuple[str, str, str]] = field(default_factory=list)
    requests: list[Request] = field(default_factory=list)

    def expect(self, method: str, path: str, recording: str) -> None:
        """Answer the next request, which must be ``method`` on a path matching ``path``."""
        self.expected.append((method, path, recording))

    def sent(self, path: str) -> list[Request]:
        return [request for request in self.requests if re.fullmatch(path, request.path)]

    def answer(self, method: str, target: str, body: bytes | None, headers) -> tuple:
        url = urlsplit(target)
        ndjson = "x-ndjson" in (headers or {}).get("content-type", "")
        request = Request(method, url.path, dict(parse_qsl(url.query)), _decode(body, ndjson))
        self.requests.append(request)
        assert self.expected, f"unexpected request {method} {target}"
        want_method, want_path, recording = self.expected.pop(0)
        assert (method, bool(re.fullmatch(want_path, url.path))) == (want_method, True), (
            f"expected {want_method} {want_path}, got {method} {url.path}"
        )
        recorded = json.loads((RECORDINGS / f"{recording}.json").read_text(encoding="utf-8"))
        raw = b"" if recorded["body"] is None else json.dumps(recorded["body"]).encode()
        return recorded["status"], HttpHeaders(recorded["headers"]), raw


def _decode(body: bytes | None, ndjson: bool) -> object:
    if not body:
        return None
    if ndjson:
        return [json.loads(line) for line in body.decode().splitlines() if line]
    return json.loads(body)


def recorded_client(server: RecordedServer) -> Elasticsearch:
    class RecordedNode(BaseNode):
        def perform_request(self, method, target, body=None, headers=None, **options):
            status, response_headers, raw = server.answer(method, target, body, headers)
            meta = ApiResponseMeta(status, "1.1", response_headers, 0.001, self.config)
            return Answer(meta, raw)

    return Elasticsearch("http://es.test:9200", node_class=RecordedNode, max_retries=0)
