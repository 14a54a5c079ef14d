"""Citizens' words for the plan's things (data/vocabulary.yml), checked on load like the measure table."""
from __future__ import annotations

import pytest

from bot.plan.terms import meanings
from bot.reading.vocabulary import VocabularyError, load_vocabulary


@pytest.fixture(scope="module")
def named(measures):
    return meanings(measures)


def vocabulary_file(tmp_path, text: str):
    path = tmp_path / "vocabulary.yml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_projects_vocabulary_loads_and_every_word_leads_somewhere(named):
    vocabulary = load_vocabulary(named)
    assert vocabulary.same["老八路"] == "抗日老兵" and "老兵" in vocabulary.ask


@pytest.mark.parametrize("text, says", [
    pytest.param("same:\n  老八路: 不存在的词\n", "no title or keyword", id="a word leading to nothing of the plan"),
    pytest.param("same:\n  老战友: 义务兵\n", "means several things", id="a word leading to two meanings"),
    pytest.param("same:\n  抗日老兵: 抗战老兵\n", "already a term of the plan", id="a plan term listed as everyday"),
    pytest.param("same:\n  多少个任务: 37项任务\n", "asks for a number", id="a question word rewritten as a figure"),
    pytest.param("ask:\n  老兵:\n    question: 哪一类？\n    options: [抗日老兵]\n", "at least two options",
                 id="a question with one option"),
    pytest.param("ask:\n  老兵:\n    question: 哪一类？\n    options: [抗日老兵, 义务兵]\n", "means several things",
                 id="an option that is itself ambiguous"),
])
def test_a_vocabulary_entry_that_would_lead_a_citizen_astray_is_refused(named, tmp_path, text, says):
    with pytest.raises(VocabularyError, match=says):
        load_vocabulary(named, vocabulary_file(tmp_path, text))
