"""The toolkit: what each stage is handed, built once."""

import sys

import pytest
from conftest import ROOT

from alsingest.toolkit import SPACY_INSTALL_COMMAND


def test_without_spacy_toolkit_nlp_says_how_to_install_it_as_the_readme_does(toolkit, monkeypatch):
    from alsingest.pipeline import Toolkit

    monkeypatch.setitem(sys.modules, "spacy", None)
    monkeypatch.setitem(sys.modules, "alsingest.nlp", None)
    fresh = Toolkit(**{name: getattr(toolkit, name) for name in Toolkit.__dataclass_fields__})
    with pytest.raises(ImportError, match="needs spaCy") as refused:
        _ = fresh.nlp
    assert f"`{SPACY_INSTALL_COMMAND}`" in str(refused.value)
    assert f"`{SPACY_INSTALL_COMMAND}`" in (ROOT / "README.md").read_text(encoding="utf-8")
