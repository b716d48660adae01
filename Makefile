# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=
JS_SDKS := src/test/js
PY_SDK := src/test/python
GO_SDK := src/test/go

.PHONY: build test run bench clean python-libs cpython-sandbox wrk sdk-clients dist consumer-test

build: python-libs cpython-sandbox
	$(MVN) -q -DskipTests package
	@$(MAKE) --no-print-directory target/recompiled/.picocli target/worker.aot target/server.aot

# picocli recompiled for Java 17, which the server's class cache can hold (its own jar has Java 5
# class files); bin/gememu and make dist use it in place of the original.
target/recompiled/.picocli: target/classpath.txt
	MVN="$(MVN)" bin/recompile-picocli target/recompiled
	@touch $@

# The AOT cache worker JVMs start from (JDK 25+ only; bin/gememu says when it skips), retrained
# whenever the jar or the class path changes.
target/worker.aot: target/gememu.jar target/classpath.txt
	bin/gememu --train-worker-cache $@

# The same for the server's own JVM (bin/gememu uses it only with the Java that trained it).
target/server.aot: target/gememu.jar target/classpath.txt target/recompiled/.picocli
	bin/gememu --train-server-cache $@

test: python-libs cpython-sandbox sdk-clients
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

# GraalPy's pure-Python packages, pinned with hashes in graalpy/requirements.txt (pip from the index);
# rebuilt when that file changes, skipped with a loud message without python3/pip.
python-libs:
	bin/fetch-python-libs

# The CPython executor's sandbox: bubblewrap (apt-get as root) and .venv-sandbox/ with Gemini's
# library set from cpython/requirements.txt (pip); says loudly what is missing, GraalPy runs regardless.
cpython-sandbox:
	bin/setup-cpython-sandbox

# A benchmark, not a test: starts real servers on loopback (as make run would, AOT cache included)
# and prints medians and ratios; WireMock standalone and wrk are the playback baseline and load
# generator. `make bench SECTIONS=playback` (or code, or cpython) runs one part.
WIREMOCK_VERSION := 3.13.2
SECTIONS ?=
bench: build target/bench/wiremock-standalone.jar wrk
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) dev.gememu.bench.Bench . $(SECTIONS)

target/bench/wiremock-standalone.jar:
	$(MVN) -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$(WIREMOCK_VERSION) \
	  -DoutputDirectory=target/bench -Dmdep.stripVersion=true

# wrk from the distribution's packages when missing (as root with apt); the bench says when it skips.
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && { apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }; }; } \
	  || echo "*** wrk is not installed and could not be installed: the playback bench is skipped ***" >&2

# An archive that runs with only a JDK: bin/gememu, lib/ (gememu.jar, its dependencies, the JIT
# compiler), python-libs/ and the example fixtures.
dist: build
	bin/make-dist target

# Installs gememu and runs a throwaway project that uses it as a test dependency (src/it/consumer).
consumer-test:
	bin/consumer-test

clean:
	$(MVN) -q clean
