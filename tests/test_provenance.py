"""How a report was made (helpers.provenance): paths shown relative, versions, the command."""

from __future__ import annotations

import re

import pandas as pd

from helpers import provenance
from helpers.provenance import Setting, reproduce_command, shown_input


def test_shown_input_is_relative_to_the_working_folder_or_its_name(tmp_path):
    (tmp_path / "seeds").mkdir()
    assert shown_input(tmp_path / "seeds", cwd=tmp_path) == "seeds"
    assert shown_input("/somewhere/private/articles", cwd=tmp_path) == "articles"


def test_reproduce_command_names_only_changed_settings():
    settings = [Setting("max_mb", 5.0, 20.0), Setting("watchlist", "", ""), Setting("show_code", True, False),
                Setting("timeout", 1800, 1800), Setting("watch", "my list.csv", "")]
    command = reproduce_command(["seeds"], settings, out="reports", single_file_only=True)
    assert command == ("python -m helpers report seeds --out reports --max-mb 5.0 --show-code "
                       "--watch 'my list.csv' --single-file-only")


def test_files_read_counts_files_not_rows():
    articles = pd.DataFrame({"path": ["a/x.jsonl#line 1", "a/x.jsonl#line 2", "a/y.txt"]})
    assert provenance.files_read(articles) == 2


def test_git_commit_of_this_checkout():
    assert re.match(r"^([0-9a-f]{12}( \+ uncommitted changes)?|not a git checkout)$", provenance.git_commit())


def test_model_versions_name_the_pinned_models():
    rows = {r["lang"]: r for r in provenance.model_versions({"fr": 3, "en": 2, "xx": 1})}
    assert rows["fr"]["model"] == "fr_core_news_md" and rows["fr"]["version"].startswith("3.8.0")
    assert rows["en"]["model"].startswith("en_core_web_sm") and rows["en"]["version"].startswith("3.8.0")
    assert "NER fine-tuned" in rows["en"]["version"] and "NER fine-tuned" in rows["fr"]["version"]
    assert rows["xx"]["model"].startswith("none") and rows["fr"]["articles"] == "3"
