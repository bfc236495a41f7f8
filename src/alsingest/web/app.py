"""The review server: Starlette routes rendering Jinja2 templates over the corpus.

Security: it binds 127.0.0.1 unless told otherwise, and refuses another address
without an access token (of at least 16 characters); it answers only requests whose
Host is a name it was bound for (loopback names, an IP address, the ``--host`` given),
so a DNS-rebinding page cannot read it or post to it; every POST carries a CSRF token (double-submit cookie, plus
an Origin check); templates escape everything (article and source text is untrusted),
and a Content-Security-Policy allows no inline script at all.
"""

from __future__ import annotations

import hmac
import ipaddress
import logging
import re
import secrets
import socket
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit

import jinja2
from sqlite_utils import Database
from starlette.applications import Starlette
from starlette.datastructures import URL
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import queries, review, store
from ..claims import CLAIM_TYPES
from ..lexicon import Lexicon
from . import timeline, views

logger = logging.getLogger(__name__)

HERE = Path(__file__).parent
CSRF_COOKIE = "alsingest_csrf"
TOKEN_COOKIE = "alsingest_token"
REVIEWER_COOKIE = "alsingest_reviewer"
MAX_FORM_BYTES = 64 * 1024
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}
MIN_TOKEN_CHARS = 16
# Binding these means every address of the machine: its own names are then hosts too.
WILDCARD_HOSTS = frozenset({"0.0.0.0", "::", ""})
SAFE_PATH = re.compile(r"/(?!/)[^\s\\]*")
CLAIM_ID = re.compile(r"[0-9a-f]{1,64}")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and localhost: reachable from this machine only."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_token(token: str | None) -> None:
    """A given token must be a secret: ValueError for a blank or short one."""
    if token is not None and len(token.strip()) < MIN_TOKEN_CHARS:
        raise ValueError(
            f"--token must be a secret of at least {MIN_TOKEN_CHARS} characters "
            f"(got {len(token.strip())})"
        )


def host_name(header: str) -> str:
    """The name in a Host header, without its port: ``[::1]:8765`` -> ``::1``."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    if header.count(":") == 1:
        return header.split(":", 1)[0]
    return header


def is_ip_address(name: str) -> bool:
    try:
        ipaddress.ip_address(name)
    except ValueError:
        return False
    return True


def bound_names(host: str) -> frozenset[str]:
    """The Host names a server bound to ``host`` answers: loopback names and ``host``; for
    a wildcard address, the machine's own names as well. IP addresses are always accepted
    (DNS rebinding needs a name)."""
    names = {"localhost", host_name(host)}
    if host.strip() in WILDCARD_HOSTS:
        names |= {socket.gethostname().lower(), socket.getfqdn().lower()}
    return frozenset(n for n in names if n)


def serve(
    db_path: str,
    host: str = "127.0.0.1",
    port: int = 8765,
    token: str | None = None,
    lexicon: Lexicon | None = None,
) -> None:
    """Run the review app with uvicorn until interrupted."""
    import uvicorn

    if not is_loopback(host) and not token:
        raise ValueError(f"{host} is reachable from other machines: give --token SECRET to bind it")
    app = create_app(db_path, lexicon=lexicon, token=token, hosts=bound_names(host))
    uvicorn.run(app, host=host, port=port, log_level="warning")


def create_app(
    db_path: str | Path,
    *,
    lexicon: Lexicon | None = None,
    token: str | None = None,
    hosts: Iterable[str] = (),
):
    """The review app over the corpus at ``db_path``; with ``token``, every request needs it.

    Requests must name as Host a loopback name, an IP address or one of ``hosts``.
    """
    check_token(token)
    store.open_db(db_path).close()  # migrations, the review table among them, applied once
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    templates = Jinja2Templates(env=environment)
    site = Site(str(db_path), lexicon, templates)
    app = Starlette(
        routes=[
            Route("/", site.queue),
            Route("/claims/{claim_id}", site.claim),
            Route("/claims/{claim_id}/decisions", site.decide, methods=["POST"]),
            Route("/timeline", site.timeline),
            Route("/conflicts", site.conflicts),
            Route("/history", site.history),
            Mount("/static", StaticFiles(directory=HERE / "static"), name="static"),
        ],
        exception_handlers={HTTPException: site.error},
    )
    wrapped: ASGIApp = SecurityHeaders(app)
    if token:
        wrapped = AccessToken(wrapped, token)
    return AllowedHosts(wrapped, hosts)


class Site:
    """The pages. Each request opens the corpus afresh (SQLite objects stay in one thread)."""

    def __init__(self, db_path: str, lexicon: Lexicon | None, templates: Jinja2Templates):
        self.db_path = db_path
        self.lexicon = lexicon
        self.templates = templates

    def connect(self) -> Database:
        return store.open_db(self.db_path)

    def render(self, request: Request, name: str, context: dict, status: int = 200) -> Response:
        csrf = request.cookies.get(CSRF_COOKIE) or ""
        fresh = not re.fullmatch(r"[A-Za-z0-9_\-]{32,64}", csrf)
        if fresh:
            csrf = secrets.token_urlsafe(32)
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        response = self.templates.TemplateResponse(
            request,
            name,
            {
                "csrf": csrf,
                "reviewer": unquote(request.cookies.get(REVIEWER_COOKIE, "")),
                "here": here,
                "nav": request.url.path,
                "claim_types": CLAIM_TYPES,
                **context,
            },
            status_code=status,
        )
        if fresh:
            response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", path="/")
        return response

    async def queue(self, request: Request) -> Response:
        filters = {key: request.query_params.get(key, "") for key in views.FILTERS}
        page = page_number(request)
        after, before = (
            value if CLAIM_ID.fullmatch(value := request.query_params.get(key, "")) else None
            for key in ("after", "before")
        )
        db = self.connect()
        try:
            queue = views.build_queue(db, self.lexicon, filters, page, after=after, before=before)
        finally:
            db.close()
        active = {k: v for k, v in filters.items() if v}

        def page_url(n: int, **key: str | None) -> str:
            return "/?" + urlencode({**active, "page": n, **{k: v for k, v in key.items() if v}})

        return self.render(
            request, "queue.html", {"queue": queue, "filters": filters, "page_url": page_url}
        )

    async def claim(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]
        db = self.connect()
        try:
            return self.claim_page(request, db, claim_id)
        finally:
            db.close()

    def claim_page(
        self,
        request: Request,
        db,
        claim_id: str,
        *,
        error: str | None = None,
        form: dict | None = None,
        status: int = 200,
    ) -> Response:
        """The claim with its context and its review history, newest first."""
        history = store.read_decisions(db, claim_id)
        item = views.build_item(db, claim_id, self.lexicon, history)
        if item is None and not history:
            raise HTTPException(404, f"no claim {claim_id} in the corpus")
        return self.render(
            request,
            "claim.html",
            {
                "item": item,
                "history": history[::-1],
                "claim_id": claim_id,
                "error": error,
                "form": form,
            },
            status=status,
        )

    async def decide(self, request: Request) -> Response:
        form = await read_form(request)
        check_csrf(request, form)
        claim_id = request.path_params["claim_id"]
        reviewer = " ".join(form.get("reviewer", "").split()) or unquote(
            request.cookies.get(REVIEWER_COOKIE, "")
        )
        db = self.connect()
        try:
            claim = queries.claim_by_id(db, claim_id)
            if claim is None:
                raise HTTPException(404, f"no claim {claim_id} in the current article versions")
            numbers = queries.reference_urls(db, claim["article"]).get(claim["article"], {})
            try:
                review.decide(
                    db,
                    claim,
                    form.get("action", ""),
                    fields={k: form[k] for k in review.EDITABLE if k in form},
                    note=form.get("note"),
                    reviewer=reviewer,
                    lexicon=self.lexicon,
                    reference_numbers=numbers,
                )
            except review.ReviewError as e:
                return self.claim_page(
                    request,
                    db,
                    claim_id,
                    error=str(e),
                    form={key: form.get(key, "") for key in review.EDITABLE},
                    status=400,
                )
        finally:
            db.close()
        target = form.get("return_to", "/")
        if not SAFE_PATH.fullmatch(target):
            target = "/"
        following = form.get("next", "")
        anchor = f"#c-{following}" if CLAIM_ID.fullmatch(following) else ""
        response = RedirectResponse(target + anchor, status_code=303)
        if reviewer:
            response.set_cookie(
                REVIEWER_COOKIE, quote(reviewer), samesite="strict", path="/", max_age=31536000
            )
        return response

    async def timeline(self, request: Request) -> Response:
        therapy = request.query_params.get("therapy") or None
        page = page_number(request)
        db = self.connect()
        try:
            charts, therapies, page, pages = timeline.page_of_charts(db, therapy, page)
        finally:
            db.close()
        return self.render(
            request,
            "timeline.html",
            {
                "charts": charts,
                "therapy": therapy,
                "therapies": sorted(therapies),
                "page": page,
                "pages": pages,
                "verdict_colours": timeline.VERDICT_COLOURS,
                "state_rings": timeline.STATE_RINGS,
                "width": timeline.WIDTH,
                "left": timeline.LEFT,
                "right": timeline.RIGHT,
            },
        )

    async def conflicts(self, request: Request) -> Response:
        db = self.connect()
        try:
            conflicts, page, pages = views.conflict_view(db, page_number(request))
        finally:
            db.close()
        return self.render(
            request, "conflicts.html", {"conflicts": conflicts, "page": page, "pages": pages}
        )

    async def history(self, request: Request) -> Response:
        db = self.connect()
        try:
            rows = views.history(db)
        finally:
            db.close()
        return self.render(request, "history.html", {"rows": rows})

    async def error(self, request: Request, exc: HTTPException) -> Response:
        return self.render(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            exc.status_code,
        )


def page_number(request: Request) -> int:
    """``?page=N``: 1 when absent or not a number (a page past the end shows the last)."""
    try:
        return max(1, min(int(request.query_params.get("page", "1")), 10**9))
    except ValueError:
        return 1


async def read_form(request: Request) -> dict[str, str]:
    """An url-encoded form body (the only kind the pages send), size-capped, last value wins."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise HTTPException(415, "forms are sent url-encoded")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, "form too large")
    fields = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
    return {key: values[-1] for key, values in fields.items()}


def check_csrf(request: Request, form: dict[str, str]) -> None:
    """The form's token must equal the cookie's, and a cross-site Origin is refused outright."""
    cookie = request.cookies.get(CSRF_COOKIE, "")
    sent = form.get("csrf", "")
    if not cookie or not sent or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise HTTPException(403, "missing or wrong CSRF token: reload the page and try again")
    origin = request.headers.get("origin")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "cross-site request refused")


class SecurityHeaders:
    """Adds the Content-Security-Policy and friends to every response."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


class AccessToken:
    """Every request needs the token: as ``?token=`` once (then a cookie), or as a Bearer header."""

    def __init__(self, app: ASGIApp, token: str):
        self.app = app
        self.token = token.encode()

    def valid(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        given = request.query_params.get("token")
        if self.valid(given):
            # Trade the token in the URL for a cookie, and drop it from the address bar.
            query = urlencode(
                [(k, v) for k, v in request.query_params.multi_items() if k != "token"]
            )
            response: Response = RedirectResponse(
                str(URL(path=request.url.path, query=query)), status_code=303
            )
            response.set_cookie(
                TOKEN_COOKIE, given, httponly=True, samesite="strict", path="/", max_age=86400 * 30
            )
        elif self.valid(request.cookies.get(TOKEN_COOKIE)) or self.valid(
            request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        ):
            await self.app(scope, receive, send)
            return
        else:
            response = HTMLResponse(
                "<!doctype html><title>Token required</title><h1>Token required</h1>"
                "<p>This review server needs its access token: open the address it printed "
                "when it started (ending in <code>?token=…</code>).</p>",
                status_code=401,
            )
        await SecurityHeaders(response)(scope, receive, send)


class AllowedHosts:
    """Refuses (421) a request whose Host is not a name this server was bound for.

    A DNS-rebinding page (``evil.example`` resolving to 127.0.0.1) sends its own name as
    Host: refused before any page, token or CSRF cookie is given out.
    """

    def __init__(self, app: ASGIApp, hosts: Iterable[str] = ()):
        self.app = app
        self.names = frozenset({"localhost", *(host_name(h) for h in hosts)})

    def allowed(self, header: str) -> bool:
        name = host_name(header)
        return name in self.names or is_ip_address(name)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        header = Request(scope).headers.get("host", "")
        if self.allowed(header):
            await self.app(scope, receive, send)
            return
        response = HTMLResponse(
            "<!doctype html><title>Unknown host</title><h1>Unknown host</h1>"
            "<p>This review server answers only the addresses it was started for.</p>",
            status_code=421,
        )
        await SecurityHeaders(response)(scope, receive, send)
