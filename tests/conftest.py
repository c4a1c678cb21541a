"""Shared fixtures: a small fact-checking project laid out in a ``pytester`` directory."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import pytest
from hypothesis import settings

# Speed is measured by the benchmarks, never asserted by a test: no per-example deadline
# (a first example that imports a parser would otherwise fail on a busy machine).
settings.register_profile("factcheck", deadline=None)
settings.load_profile("factcheck")

# Inner in-process sessions import the plugin the outer session already imported, so
# pytest cannot rewrite its asserts (it has none); that warning is noise here.
PROJECT_INI = """\
[pytest]
factcheck_paths = news
filterwarnings = ignore::pytest.PytestAssertRewriteWarning
"""

MakeProject = Callable[..., pytest.Pytester]


@pytest.fixture(scope="session", autouse=True)
def reader_bugs_raise() -> Iterator[None]:
    """In the suite, a bug in the quantity reader raises instead of being skipped.

    pint is loaded here, once, before any ``pytester`` run: an in-process run forgets the
    modules it imported when it ends, and a pint imported half inside one run and half
    outside breaks its own unit formatting (whatever test order xdist picks).
    """
    from pytest_factcheck import quantities, units

    units.registry().parse_units("kilometer / hour").dimensionality.__str__()

    patch = pytest.MonkeyPatch()
    patch.setattr(quantities, "SKIP_READER_ERRORS", False)
    yield
    patch.undo()


@pytest.fixture
def factcheck_project(pytester: pytest.Pytester) -> MakeProject:
    """A factory: ``make(facts, {"a.txt": text_or_bytes}, ini="extra = lines\\n")``.

    Writes the ini file, ``facts/facts.yaml`` and the articles under ``news/``; calling it
    again rewrites the ini and the facts and adds articles.
    """

    def make(
        facts: str, articles: Mapping[str, str | bytes] | None = None, *, ini: str = ""
    ) -> pytest.Pytester:
        pytester.makeini(PROJECT_INI + ini)
        (pytester.path / "facts").mkdir(exist_ok=True)
        (pytester.path / "facts" / "facts.yaml").write_text(facts, encoding="utf-8")
        news = pytester.path / "news"
        news.mkdir(exist_ok=True)
        for name, content in (articles or {}).items():
            if isinstance(content, bytes):
                (news / name).write_bytes(content)
            else:
                (news / name).write_text(content, encoding="utf-8")
        return pytester

    return make


@pytest.fixture
def rutba_articles() -> dict[str, str]:
    """Three articles for a Rutba distance fact: agrees, contradicts (3:25), silent."""
    return {
        "a_agrees.txt": (
            "Fighters took Rutba, about 90 miles east of Jordan.\n\nThey seized four towns.\n"
        ),
        "b_contradicts.txt": (
            "A headline\n\nThe town of Rutbah lies 120 miles east of Jordan, officials said.\n"
        ),
        "c_silent.md": "Nothing to see.\n",
    }
