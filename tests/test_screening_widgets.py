"""The screening review widget of notebook 06, driven in-process: slider, picker, confirm, reject, undo."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pytest  # noqa: E402

from helpers import pipeline, widgets  # noqa: E402


@pytest.fixture
def screened(tmp_workspace, toy_tables):
    tmp_workspace.write_tables(toy_tables, meta={"signature:entities": "toy"})
    pipeline.screen_entities(tmp_workspace)
    return tmp_workspace


@pytest.fixture
def review(screened):
    return widgets.screening_review(screened)


def test_review_shows_mention_and_sentence_beside_the_list_entry(review):
    assert isinstance(review, widgets.View)
    page = review.static_bundle()["text/html"]
    assert "Candidates to verify, not findings" in page
    assert "<mark>Hydra</mark>" in page  # the article's sentence, the name marked
    assert "HYDRA MARKETPLACE" in page and "CYBER2" in page  # every name and the programs of the entry
    assert "Digital Currency Address" in page  # the remarks
    assert "Name only" in page and "0.83" in page


def test_review_escapes_article_text(review):
    page = review.static_bundle()["text/html"]
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in page
    assert "<script" not in page


def test_threshold_slider_filters_candidates(review):
    review.static_bundle()
    assert len(review.shown["candidates"]) == 2
    review.controls["threshold"].value = 0.80
    review.static_bundle()
    assert list(review.shown["candidates"]["entity_name"]) == ["Hydra"]
    assert len(review.controls["candidate"].options) == 1


def test_confirm_reject_and_undo_are_saved_in_the_workspace(review, screened):
    review.controls["candidate"].value = 0
    review.controls["confirm"].click()
    review.controls["candidate"].value = 1
    review.controls["reject"].click()
    assert [d["decision"] for d in review.decisions()] == ["confirm", "reject"]
    status = dict(zip(*(screened.read_table("screening")[c] for c in ("entity_name", "status"))))
    assert status == {"Hydra": "confirmed", "Garantex": "rejected"}
    assert "rejected by review" in review.static_bundle()["text/html"]
    review.controls["undo"].click()
    status = dict(zip(*(screened.read_table("screening")[c] for c in ("entity_name", "status"))))
    assert status == {"Hydra": "confirmed", "Garantex": "candidate"}
    assert "Undone: reject Garantex" in review.static_bundle()["text/html"]
