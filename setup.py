# The build is declared in pyproject.toml (flit_core); this shim serves tools that still call setup.py.
from setuptools import setup

setup()
