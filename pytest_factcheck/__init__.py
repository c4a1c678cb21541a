"""pytest-factcheck: check articles against verified facts, one pytest item per pair.

The package root stays import-light: the pytest entry point is :mod:`pytest_factcheck.plugin`,
and everything heavy (pint, regex, yaml) is imported only once ``--factcheck`` is given.
"""

__version__ = "0.1.0"
