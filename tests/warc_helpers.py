"""Tiny WARC files for the tests, written with warcio as a crawler would write them."""
from __future__ import annotations

import html
import io
from collections.abc import Sequence
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>" \
       "<nav><a href='/'>Home</a> <a href='/bd'>বাংলাদেশ</a></nav><main>{body}</main>" \
       "<footer>© 2019 Example</footer></body></html>"


def page_html(lines: Sequence[str]) -> bytes:
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines)
    return PAGE.format(title="t", body=body).encode("utf-8")


def response(writer: WARCWriter, uri: str, body: bytes, content_type: str = "text/html; charset=utf-8",
             status: str = "200 OK", **warc_headers: str):
    http = StatusAndHeaders(status, [("Content-Type", content_type), ("Content-Length", str(len(body)))],
                            protocol="HTTP/1.1")
    record = writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=http,
                                       warc_headers_dict=warc_headers or None)
    writer.write_record(record)
    return record


def write_warc(path: Path, pages: dict[str, bytes], gzip: bool = True, extras: bool = True) -> Path:
    """`pages` (URI -> HTML) as response records, each after its request record; with
    `extras`, also an image, a stylesheet, a revisit, a redirect, a truncated response
    and a metadata record (6 skipped, plus a request per page and the warcinfo)."""
    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "tests"}))
        first = None
        for uri, body in pages.items():
            request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
            writer.write_record(writer.create_warc_record(uri, "request", http_headers=request))
            record = response(writer, uri, body)
            first = first or (uri, record)
        if extras:
            response(writer, "https://example.com/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(32), "image/png")
            response(writer, "https://example.com/site.css", b"p{margin:0}", "text/css")
            if first:
                uri, record = first
                writer.write_record(writer.create_revisit_record(
                    uri, digest=record.rec_headers.get_header("WARC-Payload-Digest"), refers_to_uri=uri,
                    refers_to_date=record.rec_headers.get_header("WARC-Date")))
            response(writer, "https://example.com/old", b"<html>moved</html>", status="301 Moved Permanently")
            response(writer, "https://example.com/cut.html", page_html(["Cut short."])[:60],
                     **{"WARC-Truncated": "length"})
            writer.write_record(writer.create_warc_record(
                "https://example.com/", "metadata", payload=io.BytesIO(b"outlinks: 3\n"),
                warc_content_type="application/warc-fields"))
    return path
