"""A small project in other domains than the seeds, for the report tests (HTML, rdjson).

Three articles and three facts: a storm report contradicting a wind speed on line 3 (with
non-ASCII characters before the mention, so character and byte columns differ), a markets
article agreeing with a revenue figure and holding HTML in its text, and a sports article
that agrees with one fact and contradicts another.
"""

from __future__ import annotations

FACTS = """\
entities:
  Hurricane Nadia: [Nadia]
facts:
  - id: nadia-wind-speed
    claim: Hurricane Nadia made landfall with winds of about 120 mph
    subject: Hurricane Nadia
    cue: winds?
    value: about 120 mph
    source: https://weather.example.org/nadia
  - id: acme-revenue
    claim: Acme's revenue was $4.2 billion
    subject: Acme
    cue: revenue
    value: $4.2 billion
    tolerance: 2%
  - id: stadium-capacity
    subject: Wembley
    cue: holds|capacity
    value: 90,000 seats
"""

ARTICLES = {
    "a_storm.txt": (
        "Storm report\n\n"
        "Officials said Café owners fled as Hurricane Nadia’s winds reached 150 mph at landfall.\n"
    ),
    "b_markets.md": (
        "# Markets <script>window.hacked = 1</script>\n\n"
        "Acme reported revenue of $4.2 billion, beating forecasts.\n\n"
        '<b>bold</b> & "quotes" <img src=x onerror="window.hacked = 2">\n'
    ),
    "c_sport.txt": (
        "Wembley, which holds 90,000 seats, hosted the final. Acme revenue was $3 billion.\n"
    ),
}

# (article, fact) -> status, as the run decides them.
EXPECTED = {
    ("news/a_storm.txt", "nadia-wind-speed"): "failed",
    ("news/b_markets.md", "acme-revenue"): "passed",
    ("news/c_sport.txt", "stadium-capacity"): "passed",
    ("news/c_sport.txt", "acme-revenue"): "failed",
}
PAIRS = 9
