# Thin wrappers around Maven; see README.md.
MVN ?= mvn -B -ntp
ARGS ?=
JS_SDKS := src/test/js

.PHONY: build test run bench clean python-libs dist consumer-test

build: python-libs
	$(MVN) -q -DskipTests package
	@$(MAKE) --no-print-directory target/worker.aot

# The AOT cache worker JVMs start from (JDK 25+ only; bin/gememu says when it skips), retrained
# whenever the jar or the class path changes.
target/worker.aot: target/gememu.jar target/classpath.txt
	bin/gememu --train-worker-cache $@

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
# and prints medians and ratios.
bench: build
	java -cp target/test-classes:target/classes:$$(cat target/test-classpath.txt) dev.gememu.bench.Bench .

# An archive that runs with only a JDK: bin/gememu, lib/ (gememu.jar, its dependencies, the JIT
# compiler), python-libs/ and the example fixtures.
dist: build
	bin/make-dist target

# Installs gememu and runs a throwaway project that uses it as a test dependency (src/it/consumer).
consumer-test:
	bin/consumer-test

clean:
	$(MVN) -q clean
