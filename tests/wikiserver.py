"""A local stand-in for Wikipedia and the Wikidata Query Service: a stdlib HTTP server in a
thread that serves the recorded responses in tests/fixtures/api/ by the rules in routes.yml.

Like the real service it refuses a request without a User-Agent naming a contact, and a
MediaWiki request without ``maxlag``; it records every request it sees for the tests.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import yaml

API_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "api"


@dataclass
class Route:
    match: dict
    responses: list
    served: int = 0

    def accepts(self, path: str, params: dict) -> bool:
        for key, want in self.match.items():
            if key == "path":
                if path != want:
                    return False
            elif key.endswith("~"):
                if str(want) not in params.get(key[:-1], ""):
                    return False
            elif params.get(key) != str(want):
                return False
        return True

    def next(self) -> dict:
        spec = self.responses[min(self.served, len(self.responses) - 1)]
        self.served += 1
        return spec


@dataclass
class WikiServer:
    """Serves the routes; ``url`` is its root, ``seen`` the (path, params, headers) it got."""

    routes: list[Route]
    seen: list = field(default_factory=list)
    url: str = ""

    @classmethod
    def from_fixtures(cls, *scenarios: str) -> WikiServer:
        table = yaml.safe_load((API_FIXTURES / "routes.yml").read_text(encoding="utf-8"))
        extra = [r for name in scenarios for r in table["scenarios"][name]]
        return cls([Route(r["match"], r["responses"]) for r in extra + table["routes"]])

    def start(self) -> WikiServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                parts = urlsplit(self.path)
                params = dict(parse_qsl(parts.query, keep_blank_values=True))
                server.seen.append((parts.path, params, dict(self.headers)))
                status, headers, body = server.answer(parts.path, params, dict(self.headers))
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self._httpd = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._httpd.server_port}"
        threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()

    def answer(self, path: str, params: dict, headers: dict) -> tuple[int, dict, bytes]:
        agent = headers.get("User-Agent", "")
        if "(" not in agent or "python-requests" in agent.split("(")[0]:
            return 403, {"Content-Type": "text/plain"}, b"Please set a user-agent and respect our robot policy."
        if path == "/w/api.php" and (params.get("maxlag") != "5" or params.get("formatversion") != "2"):
            return 400, {"Content-Type": "text/plain"}, b"test server: maxlag=5 and formatversion=2 expected"
        for route in self.routes:
            if route.accepts(path, params):
                spec = route.next()
                body = (API_FIXTURES / spec["file"]).read_bytes() if "file" in spec else spec.get("body", "").encode()
                headers = {"Content-Type": "application/json; charset=utf-8", **spec.get("headers", {})}
                return spec.get("status", 200), headers, body
        return 404, {"Content-Type": "text/plain"}, f"test server: no route for {path} {params}".encode()

    def api_requests(self) -> list[dict]:
        """The parameters of every MediaWiki request received."""
        return [params for path, params, _ in self.seen if path == "/w/api.php"]
