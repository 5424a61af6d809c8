"""The parser never raises: any input gives a statement record, or a clean one-line IngestError."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from ingest.errors import IngestError
from ingest.files import read_file
from ingest.parse import parse
from ingest.records import Document, Statement

CONTENT_TYPES = ("text/html", "text/markdown", "text/plain")
TAGS = ["div", "p", "ul", "ol", "li", "table", "tr", "td", "th", "h1", "h3", "br", "span", "a", "strong",
        "script", "style", "blockquote", "article", "main", "nav", "footer", "em", "pre", "time", "meta"]
WORDS = ["We", "call", "on", "governments", "to", "release", "Signed", "by:", "Signatories", "Free", "Tibet",
         "–", "UK", "(France)", ",", ";", ":", "•", "-", "1.", "\n", "\n\n", "|", "---", "#", "*", "&amp;",
         "Ürümchi", "34th", "anniversary", "of", "4", "June", "1989", "Wir", "fordern", "auf", "Assinam"]

documents = st.recursive(
    st.lists(st.sampled_from(WORDS), max_size=8).map(" ".join) | st.text(max_size=40),
    lambda inner: st.builds(
        lambda tag, children, close: f"<{tag}>" + "".join(children) + (f"</{tag}>" if close else ""),
        st.sampled_from(TAGS), st.lists(inner, max_size=4), st.booleans()),
    max_leaves=40)


def document(body: bytes | str, content_type: str, encoding: str = "utf-8") -> Document:
    raw = body.encode(encoding, errors="replace") if isinstance(body, str) else body
    return Document("generated", raw, content_type, encoding, datetime.now(timezone.utc))


def record_or_clean_error(path: Path) -> Statement | None:
    try:
        return parse(read_file(path))
    except IngestError as error:
        assert "\n" not in str(error) and str(error).startswith(str(path))
        return None


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=documents, content_type=st.sampled_from(CONTENT_TYPES))
@example(body="<TR><TD><TD>0", content_type="text/html")  # a table with no row of two filled cells
def test_generated_markup_always_parses(body, content_type):
    statement = parse(document(body, content_type))
    assert isinstance(statement.text, str)
    assert [s.position for s in statement.signatories] == list(range(1, len(statement.signatories) + 1))


@settings(max_examples=150, deadline=None)
@given(body=st.text(max_size=2000), content_type=st.sampled_from(CONTENT_TYPES))
def test_any_text_always_parses(body, content_type):
    assert isinstance(parse(document(body, content_type)), Statement)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.binary(max_size=3000), suffix=st.sampled_from([".html", ".md", ".txt", ".bin"]))
def test_any_bytes_in_any_file_give_a_record_or_a_clean_error(tmp_path, body, suffix):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(body)
    record_or_clean_error(path)


@pytest.mark.parametrize("name, body", [
    ("deep-divs", b"<div>" * 10_000 + b"<p>Signed by:</p><ul><li>A</li></ul>" + b"</div>" * 10_000),
    ("deep-unclosed", b"<div><span>" * 10_000 + b"text"),
    ("deep-lists", b"<ul><li>" * 10_000 + b"x"),
    ("deep-quotes", b"> " * 10_000 + b"quote\n"),
    ("five-megabytes", (b"<p>We call on governments to act.</p><p>" + b"word " * 200 + b"</p>") * 5_000),
    ("no-body", b"<html><head><title>Only a title</title></head></html>"),
    ("only-markup", b"<<<>>></></>"),
    ("comment-markers", b"// " * 50_000 + b"x"),  # a module's opening looked for past comments, each way once
    ("unclosed-module-comments", b"import x\nreturn (<p>" + b"{/* " * 20_000 + b"</p>"),
    ("runs-of-names", b"<p>" + (b". ".join(b"Asociacion Vecinal %d, Madrid" % n for n in range(8)) + b". Esta frase "
                                b"de prosa, que no es el nombre de nadie, separa una lista de nombres de la lista que "
                                b"viene a continuacion, y es demasiado larga para ser un nombre de los que firman. ")
     * 1_500 + b"</p>"),  # a run of names, then prose, again and again: one pass reads them all
])
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_extreme_documents_parse(name, body, content_type):
    assert isinstance(parse(document(body, content_type)), Statement)


def test_text_encoded_twice_is_read_as_it_was_written_and_text_encoded_once_is_left_alone():
    written = ("<html><body><h1>‘We stand for the rule of law’</h1><p>Signed by:</p><ul><li>Société Tibet</li>"
               "<li>Ürümchi Friends</li><li>Çugun Collective</li></ul></body></html>")
    twice = written.encode("utf-8").decode("cp1252", errors="ignore")  # "â€˜We stand ...", "SociÃ©tÃ© Tibet"
    assert "â€" in twice
    for page in (written, twice):
        statement = parse(document(page.encode("utf-8"), "text/html"))
        assert statement.title == "‘We stand for the rule of law’"
        assert [s.name for s in statement.signatories] == ["Société Tibet", "Ürümchi Friends", "Çugun Collective"]
    assert parse(document("<p>SÃO PAULO, Âncora, â: três letras.</p>".encode("utf-8"), "text/html")).text \
        == "SÃO PAULO, Âncora, â: três letras."


@pytest.mark.parametrize("declared, actual", [
    ("utf-8", "latin-1"), ("shift_jis", "utf-8"), ("iso-8859-1", "utf-16"), ("no-such-charset", "cp1252"),
    ("utf-16", "utf-8"), ("ascii", "utf-8"),
])
def test_a_wrongly_declared_encoding_gives_a_record_or_a_clean_error(tmp_path, declared, actual):
    html = f'<html><head><meta charset="{declared}"></head><body><p>Signed by:</p><ul><li>Société Tibet</li>' \
           f"<li>Ürümchi Friends</li></ul></body></html>"
    path = tmp_path / "statement.html"
    path.write_bytes(html.encode(actual))
    statement = record_or_clean_error(path)
    if statement is not None:
        assert len(statement.signatories) in (0, 2)
