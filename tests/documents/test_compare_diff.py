"""The comparison engine on known pairs: the exact words inserted, deleted and moved."""

from documents.services.compare import compare_texts
from documents.services.compare.diff import DELETE, INSERT


def newer_from(comparison) -> str:
    """The newer text rebuilt from the comparison: equal and inserted text, moves at their end."""
    lines = []
    for block in comparison.blocks:
        if block.kind in {"deleted", "moved_from"}:
            continue
        lines.append("".join(s.text for s in block.segments if s.op != DELETE))
    return "\n".join(lines)


def test_english_words_changed_and_paragraphs_kept():
    older = "The group met in Geneva.\nIt adopted its report.\nThe chair thanked everyone."
    newer = "The group met in Cairo.\nIt adopted its final report.\nThe chair thanked everyone."
    result = compare_texts(older, newer)
    assert result.counts.inserted_words == ["Cairo", "final"]
    assert result.counts.deleted_words == ["Geneva"]
    assert [block.kind for block in result.blocks] == ["changed", "changed", "equal"]
    assert newer_from(result) == newer


def test_a_moved_paragraph_is_moved_not_deleted_and_inserted():
    older = "Introduction.\nThe budget is approved.\nThe work plan follows.\nConclusion."
    newer = "Introduction.\nThe work plan follows.\nThe budget is approved.\nConclusion."
    result = compare_texts(older, newer)
    kinds = [block.kind for block in result.blocks]
    assert {"moved_from", "moved_to"} <= set(kinds)
    assert not {"deleted", "inserted"} & set(kinds)
    assert (result.counts.inserted_words, result.counts.deleted_words) == ([], [])
    assert result.counts.moved == 4
    assert newer_from(result) == newer


def test_a_moved_and_edited_paragraph_shows_its_edits():
    older = "One.\nThe group met in Geneva on Monday.\nTwo.\nThree."
    newer = "One.\nTwo.\nThree.\nThe group met in Cairo on Monday."
    result = compare_texts(older, newer)
    moved = next(block for block in result.blocks if block.kind == "moved_to")
    assert [s.text.strip() for s in moved.segments if s.op == INSERT] == ["Cairo"]
    assert result.counts.deleted_words == ["Geneva"]
    assert newer_from(result) == newer


def test_arabic_clitics_do_not_make_a_whole_word_changed():
    older = "اجتمعت المجموعة في جنيف\nووافقت على التقرير"
    newer = "اجتمعت والمجموعة في القاهرة\nووافقت على التقرير"
    result = compare_texts(older, newer)
    assert result.counts.inserted_words == ["القاهرة"]
    assert result.counts.deleted_words == ["جنيف"]
    clitic = [s for s in result.blocks[0].segments if s.partial]
    assert [(s.op, s.text) for s in clitic] == [(INSERT, "و")]
    assert result.counts.within_words == 1
    assert newer_from(result) == newer


def test_arabic_vowel_marks_are_a_change_within_the_word():
    result = compare_texts("قرر الفريق", "قرَّر الفريق")
    assert (result.counts.inserted_words, result.counts.deleted_words) == ([], [])
    assert result.counts.within_words == 1


def test_chinese_is_compared_character_by_character():
    result = compare_texts("工作组在日内瓦举行会议。", "工作组在开罗举行会议。")
    assert result.counts.inserted_words == ["开", "罗"]
    assert result.counts.deleted_words == ["日", "内", "瓦"]
    assert newer_from(result) == "工作组在开罗举行会议。"


def test_identical_texts_have_no_change():
    result = compare_texts("Same.\nText.", "Same.\nText.")
    assert not result.changed
    assert result.counts.inserted == result.counts.deleted == result.counts.moved == 0
