from cwg.search.query import parse
from cwg.search.snippets import BEFORE, SCAN_LIMIT, WINDOW, highlighted, snippet


def words(count: int, start: int = 0) -> list[str]:
    return [f"w{n}" for n in range(start, start + count)]


def test_marks_the_original_words_and_escapes_the_rest():
    text = "Le <b>Secrétariat</b> & la WSIS, والأمانة العامة"
    assert snippet(text, parse("secretariat الامانه")) == (
        "Le &lt;b&gt;<mark>Secrétariat</mark>&lt;/b&gt; &amp; la WSIS, <mark>والأمانة</mark> العامة"
    )


def test_window_around_the_first_match_with_ellipses():
    text = " ".join(words(100) + ["target"] + words(100, 200))
    shown = snippet(text, parse("target"))
    assert shown.startswith("… ")
    assert shown.endswith(" …")
    before = shown[2:].split(" <mark>")[0].split()
    assert before == words(BEFORE, 100 - BEFORE)
    assert len(shown.split()) == 2 + BEFORE + WINDOW


def test_a_match_at_the_start_has_no_leading_ellipsis():
    assert snippet("target and more", parse("target")) == "<mark>target</mark> and more"


def test_prefix_queries_mark_every_word_they_match():
    assert snippet("development developing envelope", parse("develop*")) == (
        "<mark>development</mark> <mark>developing</mark> envelope"
    )


def test_no_match_in_the_body_shows_its_beginning():
    text = " ".join(words(WINDOW + 5))
    assert snippet(text, parse("absent")) == " ".join(words(WINDOW)) + " …"
    assert snippet("short text", parse("absent")) == "short text"
    assert snippet("", parse("absent")) == ""


def test_a_match_far_into_a_long_text_is_found_from_its_spelling():
    text = " ".join(words(SCAN_LIMIT + 10) + ["target", "end."])
    shown = snippet(text, parse("target"))
    assert shown.startswith("… ")
    assert shown.endswith("<mark>target</mark> end.")
    assert shown.split()[1 : BEFORE + 1] == words(BEFORE, SCAN_LIMIT + 10 - BEFORE)


def test_an_arabic_match_is_found_whatever_its_spelling():
    text = " ".join(words(300)) + " قدّمت الأَمانــة العامة"
    assert "<mark>الأَمانــة</mark>" in snippet(text, parse("امانه"))


def test_a_word_that_only_looks_like_a_match_is_read_past():
    text = " ".join(words(300) + ["scale"] + words(50) + ["cat", "end"])
    assert snippet(text, parse("cat")).endswith("<mark>cat</mark> end")


def test_titles_keep_every_character():
    title = 'Amal Test (Civil Society Org) — «الأمانة» "50%" & <co>'
    assert highlighted(title, parse("society")) == (
        "Amal Test (Civil <mark>Society</mark> Org) — «الأمانة» &quot;50%&quot; &amp; &lt;co&gt;"
    )
    assert highlighted("(Org)", parse("absent")) == "(Org)"
    assert highlighted("(!)", parse("absent")) == "(!)"


def test_a_window_that_reaches_either_end_keeps_its_brackets_and_stops():
    text = '("target" and more.)'
    assert snippet(text, parse("target")) == "(&quot;<mark>target</mark>&quot; and more.)"
    assert snippet("[short text.]", parse("absent")) == "[short text.]"
