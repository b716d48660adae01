# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=
JS_SDKS := src/test/js

.PHONY: build test run bench clean python-libs wrk

build: python-libs
	$(MVN) -q -DskipTests package
	@$(MAKE) --no-print-directory target/worker.aot target/server.aot

# The AOT cache worker JVMs start from (JDK 25+ only; bin/gememu says when it skips), retrained
# whenever the jar or the class path changes.
target/worker.aot: target/gememu.jar target/classpath.txt
	bin/gememu --train-worker-cache $@

# The same for the server's own JVM (bin/gememu uses it only with the Java that trained it).
target/server.aot: target/gememu.jar target/classpath.txt
	bin/gememu --train-server-cache $@

test: python-libs $(JS_SDKS)/node_modules/.package-lock.json
	$(MVN) verify

# The JS SDKs JsSdkIT drives, installed from the committed lockfile when missing or stale.
$(JS_SDKS)/node_modules/.package-lock.json: $(JS_SDKS)/package-lock.json
	@command -v npm >/dev/null || { echo "*** make test needs Node.js 20+ and npm (for JsSdkIT) ***" >&2; exit 1; }
	npm ci --prefix $(JS_SDKS) --no-audit --no-fund --prefer-offline --ignore-scripts

run: build
	bin/gememu --fixtures fixtures $(ARGS)

# Pure-Python packages for the sandbox, from Debian's packages; skipped with a message without apt.
python-libs:
	bin/fetch-python-libs

# A benchmark, not a test: starts real servers on loopback (as make run would, AOT cache included)
# and prints medians and ratios; WireMock standalone and wrk are the playback baseline and load
# generator. `make bench SECTIONS=playback` (or code) runs one part.
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

clean:
	$(MVN) -q clean
