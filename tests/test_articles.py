"""The article model: reading and encodings, line positions, paragraphs, sentences."""

from __future__ import annotations

import pathlib
import textwrap

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from pytest_factcheck.articles import (
    Article,
    ArticleError,
    Paragraph,
    Sentence,
    parse_article,
    read_article,
)

SEEDS = pathlib.Path(__file__).resolve().parent.parent / "seeds"


def seed(prefix: str) -> Article:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return read_article(path, f"seeds/{path.name}")


def paragraph_texts(article: Article) -> list[str]:
    return [article.paragraph_text(i) for i in range(len(article.paragraphs))]


def write(tmp_path: pathlib.Path, data: bytes) -> pathlib.Path:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    return path


# --- reading and encodings ---------------------------------------------------------------


def test_utf8_with_bom(tmp_path: pathlib.Path) -> None:
    article = read_article(write(tmp_path, "\ufeffRutba fell.\n".encode()), "a.txt")
    assert article.text == "Rutba fell.\n"
    assert article.path == "a.txt"
    assert article.position(0) == (1, 1)
    assert article.sentence_text(0) == "Rutba fell."


def test_bom_in_parse_article() -> None:
    assert parse_article("\ufeffHi.", "x").text == "Hi."


def test_crlf_line_numbers(tmp_path: pathlib.Path) -> None:
    data = b"Title\r\n\r\nFirst line.\r\nRutba lies 90 miles away.\r\n"
    article = read_article(write(tmp_path, data), "a.txt")
    assert article.text == data.decode()  # line ends kept as in the file
    at = article.text.index("90 miles")
    assert article.position(at) == (4, 12)
    assert article.line_text(4) == "Rutba lies 90 miles away."
    assert article.line_text(2) == ""


def test_cr_only_line_numbers() -> None:
    article = parse_article("One.\rTwo.\rThree 3.", "x")
    assert article.position(article.text.index("3.")) == (3, 7)
    assert article.line_text(3) == "Three 3."
    assert article.line_count == 3


def test_latin1_file_names_the_offset(tmp_path: pathlib.Path) -> None:
    data = "Caf\u00e9 in Rutba.".encode("latin-1")
    with pytest.raises(ArticleError) as info:
        read_article(write(tmp_path, data), "a.txt")
    assert str(info.value) == "cannot read article: not UTF-8 (invalid byte 0xe9 at offset 3)"


def test_nul_byte_is_binary(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ArticleError) as info:
        read_article(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00"), "a.png")
    assert str(info.value) == "cannot read article: binary file (NUL byte at offset 8)"


def test_utf16_is_named(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ArticleError, match="UTF-16"):
        read_article(write(tmp_path, "Rutba fell.".encode("utf-16")), "a.txt")


def test_invalid_utf8_after_bom_counts_file_bytes(tmp_path: pathlib.Path) -> None:
    data = b"\xef\xbb\xbfRutba \xff"
    with pytest.raises(ArticleError, match=r"invalid byte 0xff at offset 9\)"):
        read_article(write(tmp_path, data), "a.txt")


@pytest.mark.parametrize("data", [b"", b"   \n\n\t\r\n"], ids=["empty", "whitespace"])
def test_empty_article_has_no_sentences(tmp_path: pathlib.Path, data: bytes) -> None:
    article = read_article(write(tmp_path, data), "a.txt")
    assert article.sentences == ()
    assert article.paragraphs == ()
    with pytest.raises(IndexError):
        article.sentence_index(0)


def test_too_large(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ArticleError) as info:
        read_article(write(tmp_path, b"x" * 2000), "a.txt", max_bytes=1000)
    assert str(info.value) == (
        "cannot read article: 2,000 bytes is larger than the limit of 1,000 bytes"
    )


def test_missing_file(tmp_path: pathlib.Path) -> None:
    with pytest.raises(ArticleError, match="cannot read article: "):
        read_article(tmp_path / "nope.txt", "nope.txt")


def test_ten_megabyte_article_parses() -> None:
    # About 2 s. Not a timing test (speed is benchmarked elsewhere): a splitter or paragraph
    # rule that went quadratic would not finish at all.
    prose = "".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (prose * (10_000_000 // len(prose) + 1))[:10_000_000]
    article = parse_article(text, "big.txt")
    assert len(article.sentences) > 50_000
    assert article.position(len(text))[0] == text.count("\n") + 1
    check_article(article)


# --- positions ---------------------------------------------------------------------------


def naive_position(text: str, offset: int) -> tuple[int, int]:
    line, col = 1, 1
    for i in range(offset):
        # A \r directly followed by \n does not end the line; the \n does.
        crlf = text[i] == "\r" and text[i + 1 : i + 2] == "\n"
        if text[i] == "\n" or (text[i] == "\r" and not crlf):
            line, col = line + 1, 1
        else:
            col += 1
    return line, col


@given(st.lists(st.sampled_from(["a", "é", " ", "\n", "\r", "\r\n", "."]), max_size=80))
def test_position_agrees_with_naive_count(pieces: list[str]) -> None:
    text = "".join(pieces)
    article = parse_article(text, "x")
    for offset in range(len(text) + 1):
        assert article.position(offset) == naive_position(text, offset)


@given(st.lists(st.text(alphabet="ab .\u00e9", max_size=10), max_size=8), st.data())
def test_line_text_round_trips(lines: list[str], data: st.DataObject) -> None:
    ends = data.draw(
        st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=len(lines), max_size=len(lines))
    )
    # "" + "\r" followed by "" + "\n" would be one \r\n line end, not two.
    assume(
        not any(
            end == "\r" and line == "" and after.startswith("\n")
            for end, line, after in zip(ends, lines[1:], ends[1:], strict=False)
        )
    )
    text = "".join(line + end for line, end in zip(lines, ends, strict=True))
    article = parse_article(text, "x")
    for number, line in enumerate(lines, start=1):
        assert article.line_text(number) == line
    assert article.line_count == max(1, len(lines))


def test_position_out_of_range() -> None:
    article = parse_article("abc", "x")
    assert article.position(3) == (1, 4)
    with pytest.raises(IndexError):
        article.position(4)
    with pytest.raises(IndexError):
        article.line_text(2)


# --- paragraphs --------------------------------------------------------------------------


def test_seed_004_one_paragraph_per_line() -> None:
    article = seed("004")
    lines = [line for line in article.text.splitlines() if line.strip()]
    assert len(lines) == 10
    assert paragraph_texts(article) == [line.strip() for line in lines]


def test_seed_000_list_items_and_captions() -> None:
    texts = paragraph_texts(seed("000"))
    assert texts[:5] == [
        "1. Skip to content",
        "2. Skip to main menu",
        "3. Skip to more DW sites",
        "ISIS gains more ground in Iraq",
        "June 22, 2014",
    ]
    assert "https://p.dw.com/p/1CNrE" in texts
    assert "Shiite fighters in Iraq" in texts
    assert "Image: Reuters/Alaa Al-Marjani" in texts


def test_seed_003_comment_lines() -> None:
    texts = paragraph_texts(seed("003"))
    assert "1. E. G. Festin on" in texts
    assert texts[-1].startswith("Forging a so-called unity government")
    assert texts[-2].startswith("Forcing people who have only distrusty")


def test_blank_line_paragraphs_in_every_seed() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        article = read_article(path, path.name)
        for paragraph in article.paragraphs:
            body = article.text[paragraph.start : paragraph.end]
            assert "\n\n" not in body.replace("\r", "")


PROSE = (
    "Residents are negotiating their exit from Rutba after fighters from the Islamic State "
    "of Iraq and the Levant captured the town, about 90 miles (150 kilometers) east of "
    "Jordan. Qaim, Rawah, Anah and Rutba became the first towns seized in the predominantly "
    "Sunni Anbar province since the well-funded militants overran the city of Fallujah."
)


def test_hard_wrapped_paragraph_stays_one() -> None:
    wrapped = textwrap.fill(PROSE, width=72)
    assert wrapped.count("\n") >= 4
    article = parse_article(wrapped + "\n\n" + wrapped + "\n", "x")
    assert len(article.paragraphs) == 2
    assert article.paragraph_text(0) == wrapped
    assert len(article.sentences) == 4
    assert article.sentence_text(0).startswith("Residents are negotiating")
    assert article.sentence_text(0).endswith("east of\nJordan.") or article.sentence_text(
        0
    ).endswith("east of Jordan.")


@pytest.mark.parametrize("width", [48, 60, 72, 80, 100, 150])
def test_hard_wrapped_at_any_common_width(width: int) -> None:
    long_prose = " ".join([PROSE] * 3)
    wrapped = textwrap.fill(long_prose, width=width)
    article = parse_article(wrapped, "x")
    if width < 50:
        # Narrower than the wrap threshold: the lines are taken as separate paragraphs.
        assert len(article.paragraphs) > 1
    else:
        assert paragraph_texts(article) == [wrapped]


def test_hard_wrapped_with_crlf_and_headline() -> None:
    wrapped = textwrap.fill(PROSE, width=72).replace("\n", "\r\n")
    article = parse_article("Militants seize more Iraq towns\r\n" + wrapped + "\r\n", "x")
    assert paragraph_texts(article) == ["Militants seize more Iraq towns", wrapped]


def test_wrapped_paragraphs_without_blank_lines() -> None:
    # The short last line of a paragraph marks its end: the next word would have fitted.
    first = textwrap.fill(PROSE, width=72)
    second = textwrap.fill(
        "The town has a population of 40,000, but it has absorbed 20,000 "
        "people displaced from Fallujah and Ramadi.",
        width=72,
    )
    article = parse_article(first + "\n" + second, "x")
    assert paragraph_texts(article) == [first, second]


def test_wrapped_list_items() -> None:
    text = (
        "- Rutba lies about 90 miles east of Jordan, on the highway that links\n"
        "  Baghdad with Amman and carries most of the trade between them\n"
        "- Qaim lies on the border with Syria, where the Euphrates leaves for\n"
        "  Iraq and the highway crosses the frontier at the Husaybah post\n"
    )
    assert len(parse_article(text, "x").paragraphs) == 2


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("One line.\nTwo line.\nThree.\n", 3),  # short lines ending sentences
        ("1. Skip to content\n  2. Skip to main menu\n  3. Skip to more DW sites\n", 3),
        ("# Heading\nBody text.\n", 2),
        ("https://p.dw.com/p/1CNrE\nShiite fighters in Iraq\nImage: Reuters\n", 3),
        ("x" * 300 + "\n" + "y" * 300 + "\n", 2),  # long lines are unwrapped paragraphs
        ("\n\n\nonly\n\n\n", 1),
        (("Rutba fell to the militants. " * 5 + "\n") * 2, 2),  # unwrapped, ends sentences
        ("  1. E. G. Festin on\n\n    The US call.\n", 2),
    ],
)
def test_paragraph_counts(text: str, count: int) -> None:
    assert len(parse_article(text, "x").paragraphs) == count


# --- sentences ---------------------------------------------------------------------------


def test_sentence_lookups() -> None:
    article = parse_article("Title\n\nOne is here. Two is there.\n\nThree.", "x")
    assert [article.sentence_text(i) for i in range(len(article.sentences))] == [
        "Title",
        "One is here.",
        "Two is there.",
        "Three.",
    ]
    assert article.sentences[2] == Sentence(20, 33, 1)
    assert article.paragraphs[1] == Paragraph(7, 33)
    assert article.sentence_index(article.text.index("there")) == 2
    assert article.sentence_index(19) == 1  # the space between sentences: the one before
    assert article.paragraph_index(article.text.index("Three")) == 2
    assert list(article.paragraph_sentences(1)) == [1, 2]


def test_repr_is_short() -> None:
    article = parse_article("Rutba fell. " * 1000, "a.txt")
    assert repr(article) == "Article(path='a.txt', 12000 chars, 1 paragraphs, 1000 sentences)"


def test_seed_004_sentences_in_their_lines() -> None:
    article = seed("004")
    at = article.text.index("lies 62 miles west of Baghdad")
    sentence = article.sentence_text(article.sentence_index(at))
    assert sentence == "The closest, Huseiba, lies 62 miles west of Baghdad."
    assert article.position(at)[0] == 2


def test_seed_000_sentence_and_position() -> None:
    article = seed("000")
    at = article.text.index("about 90 miles (150 kilometers) east of Jordan")
    index = article.sentence_index(at)
    assert article.sentence_text(index).startswith("Residents are negotiating")
    assert article.sentence_text(index).endswith("east of Jordan.")
    line, col = article.position(at)
    assert article.line_text(line)[col - 1 :].startswith("about 90 miles")


def check_article(article: Article) -> None:
    text = article.text
    previous_end = 0
    for paragraph in article.paragraphs:
        assert previous_end <= paragraph.start < paragraph.end <= len(text)
        assert not text[previous_end : paragraph.start].strip(), "no text between paragraphs"
        previous_end = paragraph.end
    assert not text[previous_end:].strip()
    previous_end = 0
    for sentence in article.sentences:
        paragraph = article.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert previous_end <= sentence.start
        previous_end = sentence.end
    covered = {s.paragraph for s in article.sentences}
    assert covered == set(range(len(article.paragraphs)))


@given(st.text())
def test_any_text_parses(text: str) -> None:
    check_article(parse_article(text, "x"))


@given(
    st.lists(
        st.sampled_from(
            [
                "Rutba fell.",
                "U.S. troops",
                "1. Item",
                "\n",
                "\r\n",
                "\n\n",
                "  ",
                "word",
                "x" * 130,
                "“Quote.”",
            ]
        ),
        max_size=40,
    )
)
def test_article_like_text_parses(pieces: list[str]) -> None:
    check_article(parse_article(" ".join(pieces), "x"))


def test_seeds_are_consistent() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        check_article(read_article(path, path.name))
