"""Security headers on every answer: a Content-Security-Policy under which only the site's own scripts run,
and no framing by other sites."""

from __future__ import annotations

import base64
import hashlib
import re

from datasette.utils import await_me_maybe
from markupsafe import Markup

from .settings import DATABASE_NAME

_SCRIPT = re.compile(r"<script>(.*?)</script>", re.S)
# Datasette's templates with an inline script of fixed text; table.html's one line is added by hand.
SCRIPT_TEMPLATES = ("_close_open_menus.html", "_codemirror_foot.html")
MAP_TILES = "https://*.tile.openstreetmap.org"  # datasette-cluster-map's default tile layer


async def inline_scripts(datasette) -> set[str]:
    """Every inline script a page of this site can carry. Plugins add theirs to the foot of each page (the
    map's only beside latitude and longitude columns, as organisations have)."""
    from datasette.plugins import pm  # not at import: this module is imported as Datasette loads its plugins

    scripts: set[str] = set()
    for name in SCRIPT_TEMPLATES:
        scripts.update(_SCRIPT.findall(await datasette.jinja_env.get_template(name).render_async()))
    scripts.update(f"DATASETTE_ALLOW_FACET = {value};" for value in ("true", "false"))
    for columns in ([], ["lat", "lon"]):
        for script in pm.hook.extra_body_script(template="table.html", database=DATABASE_NAME, table="organisations",
                                                columns=columns, view_name="table", request=None,
                                                datasette=datasette):
            script = await await_me_maybe(script)
            # as Datasette writes it: the map's "no script" is an empty list, and the page says "[]"
            scripts.add(str(Markup(script["script"] if isinstance(script, dict) else script)))
    return scripts


def policy(scripts: set[str]) -> str:
    """Scripts from this site, and inline ones only by the hash of their text: no javascript: URL (a map
    popup's link can be one, through crafted SQL) and no inline event handler ever runs."""
    hashes = " ".join(sorted(f"'sha256-{base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()}'"
                             for s in scripts))
    return "; ".join([
        "default-src 'self'", f"script-src 'self' {hashes}", "style-src 'self' 'unsafe-inline'",
        f"img-src 'self' data: {MAP_TILES}", "object-src 'none'", "base-uri 'none'", "form-action 'self'",
        "frame-ancestors 'none'"])


class SecurityHeaders:
    """The headers, worked out on the first request (the templates and plugins are ready by then)."""

    def __init__(self, datasette):
        self.datasette = datasette
        self._headers: list[tuple[bytes, bytes]] | None = None

    async def sender(self, send):
        if self._headers is None:
            self._headers = [
                (b"content-security-policy", policy(await inline_scripts(self.datasette)).encode()),
                (b"x-frame-options", b"DENY"),
                (b"x-content-type-options", b"nosniff"),
            ]
        headers = self._headers

        async def with_headers(message):
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                message = {**message, "headers": [*message.get("headers", []),
                                                  *((key, value) for key, value in headers if key not in present)]}
            await send(message)
        return with_headers
