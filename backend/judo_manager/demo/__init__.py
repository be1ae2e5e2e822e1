"""Realistic demo data, for trying the app and for the benchmarks."""
