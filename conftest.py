"""Root conftest: the test suite runs real pytest sessions through ``pytester``."""

pytest_plugins = ["pytester"]
