# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=

.PHONY: build test run bench clean python-libs

build: python-libs
	$(MVN) -q -DskipTests package

test: python-libs
	$(MVN) verify

run: build
	bin/gememu $(ARGS)

# Pure-Python packages for the sandbox, from Debian's packages; skipped with a message without apt.
python-libs:
	bin/fetch-python-libs

# A benchmark, not a test: starts real servers on loopback and prints medians and ratios.
bench: python-libs
	$(MVN) -q -DskipTests package
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) dev.gememu.bench.Bench .

clean:
	$(MVN) -q clean
