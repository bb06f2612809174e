"""The page's HTTP layer over real HTTP: the token, Host and Origin checks, the folder
boundary, size limits, and refusing a stale save."""

from __future__ import annotations

import json
import os
import shutil

import pytest
from paths import EXAMPLES
from web_support import Served

COUNTY = next(p for p in EXAMPLES if p.name == "county_standard.yaml")


@pytest.fixture
def served(tmp_path):
    folder = tmp_path / "报告"
    folder.mkdir()
    shutil.copy(COUNTY, folder / "county.yaml")
    server = Served(folder)
    yield server
    server.stop()


def test_every_request_needs_the_token(served):
    for path in ("/", "/edit", "/static/app.js", "/static/app.css", "/api/files", "/api/form"):
        reply = served.call(path, token=False)
        assert reply.status == 403, path
        assert "口令" in reply.body.decode("utf-8")
    other = "y" if served.token.endswith("x") else "x"  # a token one character off (never the token itself)
    wrong = served.call("/api/files", token=False, headers={"X-Drafter-Token": served.token[:-1] + other})
    assert wrong.status == 403
    assert served.call("/api/files").status == 200


def test_the_token_in_the_address_becomes_a_cookie_and_leaves_the_address(served):
    reply = served.call(f"/?token={served.token}", token=False)
    assert reply.status == 303 and reply.headers["location"] == "/"
    cookie = reply.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    name_value = cookie.split(";")[0]
    page = served.call("/", token=False, headers={"Cookie": name_value})
    assert page.status == 200 and "drafter" in page.body.decode("utf-8")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    other_port = served.call("/", token=False, headers={"Cookie": name_value.replace(str(served.port), "1")})
    assert other_port.status == 403


@pytest.mark.parametrize("host", ["evil.example:{port}", "127.0.0.1.nip.io:{port}", "127.0.0.1:1", "localhost"])
def test_other_host_names_are_refused_against_dns_rebinding(served, host):
    reply = served.call("/api/files", headers={"Host": host.format(port=served.port)})
    assert reply.status == 421


def test_localhost_and_ip_literals_are_accepted(served):
    for host in (f"localhost:{served.port}", f"127.0.0.1:{served.port}"):
        assert served.call("/api/files", headers={"Host": host}).status == 200


def test_requests_from_other_pages_are_refused(served):
    edit = {"file": "county.yaml", "version": "x", "data": {}}
    assert served.call("/api/save", edit, origin="http://127.0.0.1:9999").status == 403
    assert served.call("/api/save", edit, origin="http://evil.example").status == 403
    assert served.call("/api/save", edit, origin=False).status == 403  # a change without an origin
    cross = served.call("/api/files", headers={"Sec-Fetch-Site": "same-site"})
    assert cross.status == 403


@pytest.mark.parametrize("name", ["../outside.yaml", "/etc/passwd", "sub/../../x.yaml", ".hidden.yaml",
                                  "..\\outside.yaml", "C:/Windows/x.yaml", "../form.docx", "/tmp/form.docx"])
def test_no_path_outside_the_folder(served, name):
    reply = served.call("/api/input?file=" + name)
    assert reply.status == 403, reply.body
    download = served.call("/api/download?file=" + name)
    assert download.status == 403


def test_a_symbolic_link_out_of_the_folder_is_refused(served, tmp_path):
    secret = tmp_path / "secret.yaml"
    secret.write_text("meta: {unit: 外面, year: 2025}\n", encoding="utf-8")
    os.symlink(secret, served.folder / "link.yaml")
    os.symlink(tmp_path, served.folder / "updir")
    assert served.call("/api/input?file=link.yaml").status == 403
    assert served.call("/api/input?file=updir/secret.yaml").status == 403
    listed = [i["file"] for i in served.call("/api/files").json["inputs"]]
    assert listed == ["county.yaml"]


def test_only_input_files_open_and_only_outputs_download(served):
    (served.folder / "notes.txt").write_text("x", encoding="utf-8")
    assert served.call("/api/input?file=notes.txt").status == 403
    assert served.call("/api/download?file=notes.txt").status == 403
    assert served.call("/api/download?file=county.yaml").status == 200


def test_uploads_over_the_limit_are_refused_before_reading(served):
    import http.client

    from drafter.web.replies import MAX_UPLOAD_BYTES

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.putrequest("POST", "/api/review-upload", skip_host=True)
    for name, value in {"Host": f"127.0.0.1:{served.port}", "Origin": served.base, "X-Drafter-Token": served.token,
                        "X-File-Name": "big.docx", "Content-Length": str(MAX_UPLOAD_BYTES + 1)}.items():
        connection.putheader(name, value)
    connection.endheaders()  # the body is never sent: the answer comes first
    reply = connection.getresponse()
    assert reply.status == 413
    assert "上限" in json.loads(reply.read())["error"]
    connection.close()


def test_uploads_that_grow_past_the_limit_while_streaming_are_refused(served):
    from drafter.web.replies import MAX_JSON_BYTES

    chunks = (b"x" * 65536 for _ in range(MAX_JSON_BYTES // 65536 + 2))  # chunked: no length declared
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    try:
        connection.request("POST", "/api/check-input", body=chunks, encode_chunked=True, headers={
            "Host": f"127.0.0.1:{served.port}", "Origin": served.base, "X-Drafter-Token": served.token,
            "Transfer-Encoding": "chunked"})
        status = connection.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        status = 413  # the server answered and closed while the rest was still being sent
    finally:
        connection.close()
    assert status == 413
    assert served.call("/api/files").status == 200  # and it goes on serving


def test_a_zip_bomb_upload_gets_the_same_guard_as_check(served, tmp_path):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", b"<w:document>" + b" " * (40 * 1024 * 1024) + b"</w:document>")
    reply = served.call("/api/review-upload", raw=buffer.getvalue(),
                        headers={"X-File-Name": "bomb.docx", "Content-Type": "application/octet-stream"})
    assert reply.status == 200
    assert reply.json["error"] and reply.json["cells"] == [] and reply.json["verdict"] == "unreadable"


def test_a_json_body_over_the_limit_is_refused(served):
    import http.client

    from drafter.web.replies import MAX_JSON_BYTES

    connection = http.client.HTTPConnection("127.0.0.1", served.port, timeout=30)
    connection.putrequest("POST", "/api/check-input", skip_host=True)
    for name, value in {"Host": f"127.0.0.1:{served.port}", "Origin": served.base, "X-Drafter-Token": served.token,
                        "Content-Type": "application/json", "Content-Length": str(MAX_JSON_BYTES + 1)}.items():
        connection.putheader(name, value)
    connection.endheaders()
    reply = connection.getresponse()
    assert reply.status == 413
    connection.close()


def test_a_second_save_of_a_file_changed_on_disk_is_refused(served):
    opened = served.call("/api/input?file=county.yaml").json
    data = opened["data"]
    data["meta"]["unit"] = "澄源县公安局（改）"
    path = served.folder / "county.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "# 别人加的注释\n", encoding="utf-8")
    reply = served.call("/api/save", {"file": "county.yaml", "version": opened["version"], "data": data})
    assert reply.status == 409
    assert "被其他程序改过" in reply.json["error"]
    assert "别人加的注释" in path.read_text(encoding="utf-8")  # nothing lost
    fresh = served.call("/api/input?file=county.yaml").json
    saved = served.call("/api/save", {"file": "county.yaml", "version": fresh["version"], "data": data})
    assert saved.status == 200
    again = served.call("/api/save", {"file": "county.yaml", "version": fresh["version"], "data": data})
    assert again.status == 409  # the page must use the version its save returned
    assert served.call("/api/save",
                       {"file": "county.yaml", "version": saved.json["version"], "data": data}).status == 200


def test_template_code_typed_in_the_form_stays_text(served):
    opened = served.call("/api/input?file=county.yaml").json
    data = opened["data"]
    data["preamble"] = ["{{ 7 * 7 }}{% for x in range(3) %}循环{% endfor %}<script>alert(1)</script>"]
    reply = served.call("/api/preview", {"file": "county.yaml", "version": opened["version"], "data": data})
    html = reply.json["html"]
    opening = next(line for line in html.splitlines() if "{{ 7 * 7 }}" in line)
    assert "49" not in opening and "循环循环" not in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_no_request_takes_templates_from_the_browser(served):
    """A template folder inside DIR, named in a request, is never used: only the built-in templates run."""
    from render_support import open_docx

    forged = served.folder / "tpl"
    forged.mkdir()
    (forged / "report.md.j2").write_text("篡改的模板{{ report.meta.unit }}\n", encoding="utf-8")
    body = {"file": "county.yaml", "templates": "tpl", "allow_incomplete": True}
    reply = served.call("/api/word", body)
    assert reply.status == 200
    text = "\n".join(p.text for p in open_docx(served.folder / reply.json["file"]).paragraphs)
    assert "篡改的模板" not in text and "主要举措和成效" in text


def _start(tmp_path, *args):
    import subprocess
    import sys

    process = subprocess.Popen([sys.executable, "-m", "drafter", "serve", str(tmp_path), "--no-browser", *args],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8")
    lines = []
    for line in process.stdout:
        lines.append(line)
        if "http://" in line:
            break
    return process, lines


def test_serve_listens_on_loopback_only_and_prints_the_token_address(tmp_path):
    import socket
    import urllib.error
    import urllib.request

    process, lines = _start(tmp_path)
    try:
        url = lines[-1].split("：", 1)[1].strip()
        assert url.startswith("http://127.0.0.1:") and "token=" in url
        assert not any("警告" in line for line in lines)
        port = int(url.split(":")[2].split("/")[0])
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/files", timeout=10)
        assert refused.value.code == 403
        outside = [a for a in {i[4][0] for i in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
                   if not a.startswith("127.")]
        for address in outside:  # the machine's other addresses get no answer
            with pytest.raises(OSError):
                socket.create_connection((address, port), timeout=2).close()
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_explicit_host_is_warned_about(tmp_path):
    process, lines = _start(tmp_path, "--host", "0.0.0.0")
    try:
        assert any("警告" in line and "--host" in line for line in lines)
        assert lines[-1].split("：", 1)[1].startswith("http://127.0.0.1:")
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_a_port_in_use_is_a_clear_message(tmp_path, cli_process):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen(1)
        run = cli_process("serve", tmp_path, "--no-browser", "--port", busy.getsockname()[1])
    assert run.exit_code == 2
    assert "端口可能已被占用" in run.stderr and "Traceback" not in run.stderr
