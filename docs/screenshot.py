"""The README's picture of a graph page: open it in headless Chromium, wait
until its layout has settled, save a PNG.

    .venv/bin/python docs/screenshot.py exports/graph.html docs/graph.png   # make screenshot
    .venv/bin/python docs/screenshot.py PAGE docs/map.png --view map        # the map view
    .venv/bin/python docs/screenshot.py PAGE docs/compare.png --compare "A" "B"   # two sources compared
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import chromium, visit  # noqa: E402


def main(argv: list[str]) -> int:
    view = "graph"
    if "--view" in argv:
        i = argv.index("--view")
        view = argv[i + 1]
        argv = argv[:i] + argv[i + 2:]
    compare = None
    if "--compare" in argv:
        i = argv.index("--compare")
        compare = argv[i + 1:i + 3]
        argv = argv[:i] + argv[i + 3:]
    page = Path(argv[0]) if argv else ROOT / "exports" / "graph.html"
    out = Path(argv[1]) if len(argv) > 1 else ROOT / "docs" / "graph.png"
    with chromium() as browser, visit(browser, page) as v:
        if view == "map":
            v.page.click("#view-map")
        if compare:
            v.page.select_option("#f-source", compare[0])
            v.page.select_option("#f-compare", compare[1])
        problems = v.problems() + v.foreign_requests(page.resolve().as_uri())
        if problems:
            print("the page has problems:", *problems, sep="\n  ", file=sys.stderr)
            return 1
        v.page.screenshot(path=str(out))
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
