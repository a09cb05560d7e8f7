"""Each document parses to its golden Directive (tests/golden/<case>.json), field by field.

The golden files were checked by reading the documents; regenerate with
``python tests/regenerate_golden.py`` and read the diff before committing."""

import json
from pathlib import Path

import pytest

from tests.regenerate_golden import CASES, GOLDEN, golden_dict

FIELDS = ("kind", "number", "symbol", "issuer", "place", "date", "title", "subject",
          "addressees", "preamble", "body", "closing", "recipients", "signer", "meeting",
          "issuer_parent", "kind_word", "dropped")


@pytest.mark.parametrize("case", sorted(CASES))
@pytest.mark.parametrize("field", FIELDS)
def test_golden_field(case, field):
    path: Path = CASES[case]
    if not path.exists():
        pytest.skip(f"{path} not available")
    expected = json.loads((GOLDEN / f"{case}.json").read_text(encoding="utf-8"))
    assert golden_dict(path)[field] == expected[field]
