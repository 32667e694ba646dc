"""The one stylesheet: well formed, in logical properties so Arabic mirrors by itself."""

import re
from pathlib import Path

from django.conf import settings

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
PHYSICAL = re.compile(
    r"(margin|padding|border)-(left|right)\b|(?<![-\w])(left|right)\s*:"
    r"|text-align:\s*(left|right)|float:\s*(left|right)"
)


def test_every_block_is_closed():
    depth = 0
    for number, line in enumerate(STYLESHEET.read_text().splitlines(), 1):
        depth += line.count("{") - line.count("}")
        assert depth >= 0, f"site.css:{number} closes a block that was never opened"
    assert depth == 0, "site.css leaves a block open: the rules after it are swallowed"


def test_only_logical_properties():
    physical = [
        f"site.css:{number}: {line.strip()}"
        for number, line in enumerate(STYLESHEET.read_text().splitlines(), 1)
        if PHYSICAL.search(line)
    ]
    assert not physical, "use margin-inline-start and friends:\n" + "\n".join(physical)
