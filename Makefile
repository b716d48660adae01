# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=

.PHONY: build test run bench clean

build:
	$(MVN) -q -DskipTests package

test:
	$(MVN) verify

run: build
	bin/gememu --fixtures fixtures $(ARGS)

clean:
	$(MVN) -q clean
