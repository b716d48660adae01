# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=
JS_SDKS := src/test/js
PY_SDK := src/test/python
GO_SDK := src/test/go

.PHONY: build test run bench clean python-libs sdk-clients

build: python-libs
	$(MVN) -q -DskipTests package
	@$(MAKE) --no-print-directory target/worker.aot

# The AOT cache worker JVMs start from (JDK 25+ only; bin/gememu says when it skips), retrained
# whenever the jar or the class path changes.
target/worker.aot: target/gememu.jar target/classpath.txt
	bin/gememu --train-worker-cache $@

test: python-libs sdk-clients
	$(MVN) verify

# The SDKs the client ITs drive (JS, Python, Go), each installed from its committed lockfile when
# missing or stale. A missing toolchain is a warning (its ITs skip loudly), or a failure under CI=true.
sdk-clients: $(JS_SDKS)/node_modules/.package-lock.json $(PY_SDK)/.venv/.installed $(GO_SDK)/bin/.built

$(JS_SDKS)/node_modules/.package-lock.json: $(JS_SDKS)/package-lock.json
	@bin/sdk-clients js

$(PY_SDK)/.venv/.installed: $(PY_SDK)/requirements.txt
	@bin/sdk-clients python

$(GO_SDK)/bin/.built: $(GO_SDK)/go.mod $(GO_SDK)/go.sum $(wildcard $(GO_SDK)/*/*.go)
	@bin/sdk-clients go

run: build
	bin/gememu --fixtures fixtures $(ARGS)

# Pure-Python packages for the sandbox, from Debian's packages; skipped with a message without apt.
python-libs:
	bin/fetch-python-libs

# A benchmark, not a test: starts real servers on loopback (as make run would, AOT cache included)
# and prints medians and ratios.
bench: build
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) dev.gememu.bench.Bench .

clean:
	$(MVN) -q clean
