# The two commands of the README:
#   make        set everything up and build the reports of the bundled model into reports/
#   make test   set everything up (with the browser) and run the whole test suite
.PHONY: all setup setup-test build test lint format bench bench-styles bench-stages fuzz

all: build

setup:
	./scripts/setup.sh

setup-test:
	./scripts/setup.sh --test

# Exit 1 only means the bundled model has findings (its real 2015 gaps); 2 is a failure.
build: setup
	.venv/bin/eakit build model --output reports || [ $$? -eq 1 ]

test: setup-test
	.venv/bin/python -m pytest -n 2 -q

lint: setup-test
	.venv/bin/ruff check src tests benchmarks setup.py
	.venv/bin/ruff format --check src tests benchmarks setup.py
	.venv/bin/mypy

format:
	.venv/bin/ruff format src tests benchmarks setup.py
	.venv/bin/ruff check --fix src tests benchmarks setup.py

# eakit check against PyYAML's C loader on three YAML shapes (benchmarks/results/shapes.md);
# bench-styles: at 34 provinces, the agency shape as other tools write it;
# bench-stages: every stage, on the generator's shape.
bench: setup-test
	.venv/bin/python benchmarks/bench_shapes.py

bench-styles: setup-test
	.venv/bin/python benchmarks/bench_shapes.py -p 34 -s anchors -s marked -s json -s component

bench-stages: setup-test
	.venv/bin/python benchmarks/run.py

# Property tests with fresh random examples (the suite draws the same ones every run);
# a failure prints the example to add as an @example.
fuzz: setup-test
	HYPOTHESIS_PROFILE=explore .venv/bin/python -m pytest -n 2 -q -p no:cacheprovider \
	  tests/scale/test_fuzz.py tests/loader/test_properties.py tests/loader/test_positions.py \
	  tests/test_text.py tests/test_jsontext.py
