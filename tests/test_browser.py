"""The report in a real browser: every page of a seed report and of a comparison opens in
headless Chromium with no broken image or link, and the framing and comparison pages are
photographed at a desktop and a phone width.

Chromium is driven over the DevTools protocol (a websocket), so the pages' own policy (no
scripts) stays in force. Skipped, with the reason, where Chromium is not installed
(`apt-get install chromium` on Debian). Set REPORT_SCREENSHOTS=DIR to keep the
screenshots for a look.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import pytest

from analysis import reporting

pytestmark = pytest.mark.notebook

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_1bbc821df740a206.txt"
EVENT = ROOT / "tests" / "fixtures" / "bridge"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--remote-debugging-port=0",
    "--remote-allow-origins=*",  # newer Chromium refuses a DevTools client otherwise (403)
]
WIDTHS = {"desktop": 1280, "phone": 390}
# What the page reports about itself: images that did not decode, every link's target,
# and the links within the page that lead nowhere.
PROBE = """JSON.stringify({
  broken: [...document.images].filter(i => !(i.complete && i.naturalWidth > 0))
    .map(i => i.alt || i.src.slice(0, 60)),
  images: document.images.length,
  links: [...document.querySelectorAll("a[href]")].map(a => a.href),
  anchors: [...document.querySelectorAll('a[href^="#"]')]
    .filter(a => !document.getElementById(decodeURIComponent(a.hash.slice(1))))
    .map(a => a.getAttribute("href")),
  title: document.title,
})"""


class Chromium:
    """One headless Chromium with a fresh profile, and one tab driven over DevTools."""

    def __init__(self, profile: Path) -> None:
        import websocket

        self.process = subprocess.Popen(
            [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        address = None
        for line in self.process.stderr:
            found = re.search(r"DevTools listening on (ws://\S+)", line)
            if found:
                address = found.group(1)
                break
        if address is None:
            self.close()
            pytest.fail("Chromium did not start its DevTools endpoint")
        self.socket = websocket.create_connection(address, timeout=60)
        self.ids = itertools.count(1)
        target = self.send("Target.createTarget", url="about:blank")["targetId"]
        self.session = self.send(
            "Target.attachToTarget", targetId=target, flatten=True
        )["sessionId"]
        self.send("Page.enable", session=True)

    def send(self, method: str, session: bool = False, **params) -> dict:
        """Send one command and wait for its answer (events in between are dropped)."""
        number = next(self.ids)
        message = {"id": number, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == number:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def open(self, page: Path, width: int) -> dict:
        """Load `page` at `width` CSS pixels; return what `PROBE` finds."""
        self.send(
            "Emulation.setDeviceMetricsOverride",
            session=True,
            width=width,
            height=900,
            deviceScaleFactor=1,
            mobile=width < 600,
        )
        self.send("Page.navigate", session=True, url=page.as_uri())
        while True:  # until the page and its images have loaded
            event = json.loads(self.socket.recv())
            if event.get("method") == "Page.loadEventFired":
                break
        result = self.send(
            "Runtime.evaluate", session=True, expression=PROBE, returnByValue=True
        )
        return json.loads(result["result"]["value"])

    def screenshot(self, path: Path) -> None:
        """The whole page, as a PNG."""
        size = self.send("Page.getLayoutMetrics", session=True)["cssContentSize"]
        shot = self.send(
            "Page.captureScreenshot",
            session=True,
            format="png",
            captureBeyondViewport=True,
            clip={
                "x": 0,
                "y": 0,
                "width": size["width"],
                "height": min(size["height"], 12000),
                "scale": 1,
            },
        )
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        """Close the connection and stop the browser."""
        if getattr(self, "socket", None) is not None:
            self.socket.close()
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (Debian: apt-get install chromium)")
    try:
        import websocket  # noqa: F401 -- websocket-client, installed with Jupyter
    except ImportError:
        pytest.skip("websocket-client is not installed")
    chromium = Chromium(tmp_path_factory.mktemp("chromium-profile"))
    yield chromium
    chromium.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The seed's report and the comparison of three reports of one event."""
    out = tmp_path_factory.mktemp("browser-reports")
    seed = reporting.build([SEED], out / "seed", echo=False)
    event = reporting.build([EVENT], out / "event", echo=False)
    assert seed.status == 0
    assert event.status == 0
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    keep = os.environ.get("REPORT_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        return Path(keep)
    return tmp_path_factory.mktemp("screenshots")


def _pages(reports: Path) -> list[Path]:
    return sorted(reports.rglob("*.html"))


def _local_target(link: str) -> Path | None:
    parsed = urllib.parse.urlparse(link)
    if parsed.scheme != "file":
        return None
    return Path(urllib.parse.unquote(parsed.path))


def test_every_page_opens_with_no_broken_image_or_link(browser, reports):
    pages = _pages(reports)
    assert len(pages) >= 8 + 3 * 8 + 1  # seed: index + 7; event: 3 x 8, batch, compare
    problems = []
    for page in pages:
        found = browser.open(page, WIDTHS["desktop"])
        name = page.relative_to(reports).as_posix()
        if not found["title"]:
            problems.append(f"{name}: no title")
        problems += [f"{name}: broken image {alt}" for alt in found["broken"]]
        problems += [f"{name}: no element for link {a}" for a in found["anchors"]]
        for link in found["links"]:
            target = _local_target(link)
            if target is None:
                problems.append(f"{name}: link leaves the report: {link}")
            elif not target.exists():
                problems.append(f"{name}: broken link {link}")
    assert not problems, "\n".join(problems)


def test_pages_are_titled_by_headline_and_outlet(browser, reports):
    found = browser.open(reports / "event" / "a_herald" / "index.html", 1280)
    assert found["title"] == (
        "Framing report: Eastmoor closes Harrow Bridge after engineers find crack"
        " — Eastmoor Herald, 2026-03-14"
    )
    found = browser.open(reports / "event" / "compare" / "10-compare.html", 1280)
    assert found["title"].startswith("How do the articles differ")
    assert found["images"] >= 3


@pytest.mark.parametrize("width", sorted(WIDTHS))
@pytest.mark.parametrize(
    "page",
    [
        "seed/000_1bbc821df740a206/05-framing.html",
        "event/compare/10-compare.html",
    ],
)
def test_screenshots_of_the_framing_and_comparison_pages(
    browser, reports, shots, page, width
):
    found = browser.open(reports / page, WIDTHS[width])
    assert not found["broken"]
    name = page.replace("/", "_").removesuffix(".html") + f"-{width}.png"
    browser.screenshot(shots / name)
    data = (shots / name).read_bytes()
    assert data.startswith(b"\x89PNG")
    shown = int.from_bytes(data[16:20], "big")  # the PNG's width in pixels
    assert shown <= WIDTHS[width], "the page is wider than the window"
