# formcheck — set-up, build, demo and tests. Every target installs what it needs first, so
# the two commands in README.md work on a fresh Debian/Ubuntu machine that has Swift.

SWIFT ?= swift
# Debian packages: libevdev (live devices, event names), pkg-config (to find it), the reference
# evemu implementation (libevemu for the byte-compatibility tests, evemu-tools for users), and
# espeak-ng (spoken cues; the speech tests run it).
PACKAGES := libevdev-dev pkg-config libevemu-dev evemu-tools espeak-ng
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMCHECK := .build/debug/formcheck
DEMO_RECORDING := Fixtures/scenarios/piriformis-joycon.evemu

.PHONY: all deps build demo test unit-test vm-test fuzz fuzz-build fuzz-corpus clean fixtures golden eval-broad eval-real bench

all: build

# Installs the Debian packages that are missing (idempotent: does nothing when all are there).
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make deps: installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "make deps: Swift is not installed (https://www.swift.org/install/linux/)"; exit 1; }

build: deps
	$(SWIFT) build

# The main job on a bundled recording: a piriformis session (Joy-Con in a leg strap), replayed.
demo: build
	$(FORMCHECK) replay $(DEMO_RECORDING) --exercise piriformis

# Builds everything (warnings are errors: see Package.swift) and runs the test suite: the unit
# tests, then the real-kernel tests in a QEMU guest (README "VM tests"), then each fuzzer for 60 s.
test: unit-test
	$(MAKE) vm-test
	$(MAKE) fuzz FUZZ_SECONDS=60

unit-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# formcheck against real evdev nodes, uinput, uhid, hid-playstation, hid-nintendo and systemd-udevd, in a
# throw-away QEMU guest booted from Debian's kernel package (Tests/VM/run-tests; about 2½ min;
# the guest kernel, initramfs and hid-tools venv are cached in .build-vm/). Fails, saying why,
# when the guest cannot be booted.
vm-test: build
	Tests/VM/run-tests

# Coverage-guided fuzzing (README "Reliability"): libFuzzer with AddressSanitizer on the evemu and
# CSV readers and the protocol and scenario decoders, each for FUZZ_SECONDS from the committed seed
# corpus (Fuzz/corpus/TARGET; what libFuzzer finds goes to .build-fuzz/corpus/TARGET, not into
# git). A crash stops with the input saved as .build-fuzz/crash-TARGET-*: make it a
# malformed-input test. The fuzz package (Fuzz/) is built apart, so the main build never sees
# the sanitizer flags.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := evemu csv protocol scenario
FUZZER := Fuzz/.build/debug/formcheck-fuzz
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -Xswiftc -sanitize=fuzzer,address 2>&1 | grep -v "Cannot export local symbol" ; test -x $(FUZZER)

fuzz: fuzz-build
	@mkdir -p .build-fuzz; status=0; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p .build-fuzz/corpus/$$t; \
	  echo "make fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  SWIFT_BACKTRACE=enable=no FORMCHECK_FUZZ_TARGET=$$t $(FUZZER) -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=.build-fuzz/crash-$$t- .build-fuzz/corpus/$$t Fuzz/corpus/$$t \
	    > .build-fuzz/$$t.log 2>&1 || { status=1; echo "make fuzz: $$t FAILED (.build-fuzz/$$t.log):"; grep -A30 -m1 -E "ERROR|Fatal error|deadly signal" .build-fuzz/$$t.log; }; \
	  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" .build-fuzz/$$t.log | sed "s/^/  $$t /"; \
	done; exit $$status

# Rewrites the seed corpus: the fixtures' heads and the malformed-input catalogue (only on purpose).
fuzz-corpus: deps
	@for t in $(FUZZ_TARGETS); do mkdir -p Fuzz/corpus/$$t; done
	for f in Fixtures/devices/*.evemu; do head -c 4096 $$f > Fuzz/corpus/evemu/fixture-$$(basename $$f); done
	for f in Fixtures/csv/*.csv; do head -c 4096 $$f > Fuzz/corpus/csv/fixture-$$(basename $$f); done
	cp Sources/FormcheckFeedback/Protocols/*.json Fuzz/corpus/protocol/
	cp Tests/VM/scenarios/*.json Fuzz/corpus/scenario/
	$(SWIFT) build --build-tests
	for n in piriformis-joycon walk-brisk strap-slip; do $(FORMCHECK) simulate $$n --print > Fuzz/corpus/scenario/builtin-$$n.json; done
	FORMCHECK_UPDATE_CORPUS=1 $(SWIFT) test --skip-build --filter FuzzCorpusTests

clean:
	rm -rf .build .build-vm .build-fuzz Fuzz/.build

# Scores the orientation filter on the BROAD trials (a folder of CSV files, see README "Orientation"):
#   make eval-broad BROAD=../shared/data/broad
BROAD ?= ../shared/data/broad
eval-broad: deps
	$(SWIFT) build -c release --product formcheck
	.build/release/formcheck eval-broad $(BROAD)

# Scores angles and steps on real recordings with labelled activities (NAME.csv + NAME.truth.json,
# the layout of ../shared/data/real; see README "Real recordings"):
#   make eval-real REAL=../shared/data/real
REAL ?= ../shared/data/real
eval-real: deps
	$(SWIFT) build -c release --product formcheck
	.build/release/formcheck eval-real $(REAL)

# Times the orientation filter (ns per sample) and replay (MB/s of evemu text), release build.
bench: deps
	$(SWIFT) build -c release --product formcheck-bench
	.build/release/formcheck-bench

# Rewrites the simulator's golden files in Fixtures/scenarios (only when you mean to: review the diff).
fixtures: build
	$(FORMCHECK) simulate --write-fixtures Fixtures/scenarios

# Rewrites the coaching golden files (Fixtures/coaching/*.jsonl) from the current code: only on purpose.
golden: deps
	$(SWIFT) build --build-tests
	FORMCHECK_UPDATE_GOLDEN=1 $(SWIFT) test --skip-build --filter CoachingGoldenTests
