"""Generators of test and benchmark data: perturbed article pairs (`perturb`) and synthetic story corpora
(`synthetic`). They live beside the benchmarks, not in the product package."""
