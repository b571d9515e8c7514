"""A few hundred mutated files through the real entry point: never an unexpected outcome.

The large run is benchmarks/fuzz.py (10,000 cases); this one keeps every kind of file and the
subprocess path covered in the normal test run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fuzz.corpus import Corpus, build_corpus
from tests.fuzz.harness import KINDS, run_case

CASES_PER_KIND = 40


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    folder = tmp_path_factory.mktemp("corpus")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WONINGINBRAKEN_DATA_DIR", str(folder / "data"))
        return build_corpus(folder)


@pytest.mark.parametrize("kind", KINDS)
def test_mutated_files_end_in_acceptance_or_a_dutch_refusal(
    kind: str, corpus: Corpus, tmp_path: Path
) -> None:
    broken = []
    outcomes = []
    for seed in range(CASES_PER_KIND):
        outcome = run_case(corpus, kind, seed, tmp_path)
        outcomes.append(outcome.exit_code)
        broken += [
            f"seed {seed} ({outcome.mutation}): {b}\n{outcome.stderr}" for b in outcome.breaks()
        ]
    assert not broken, "\n".join(broken)
    assert 1 in outcomes  # the mutations do reach the refusals


@pytest.mark.parametrize("kind", KINDS)
def test_a_mutated_file_in_a_real_process_stays_within_its_budget(
    kind: str, corpus: Corpus, tmp_path: Path
) -> None:
    outcome = run_case(corpus, kind, 1000, tmp_path, subprocess_run=True)
    assert not outcome.breaks(), outcome.stderr
    assert outcome.memory_kb is not None
