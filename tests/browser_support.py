"""How the browser tests start Debian's Chromium: Playwright never downloads a browser of its own, and
these flags keep Chromium from reaching for the network or a sandbox this machine does not have."""

from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
