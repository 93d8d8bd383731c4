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

.PHONY: all deps build demo test unit-test vm-test clean fixtures golden eval-broad eval-real bench

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
# tests, then the real-kernel tests in a QEMU guest (README "VM tests").
test: unit-test
	$(MAKE) vm-test

unit-test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# formcheck against real evdev nodes, uinput, uhid, hid-playstation and systemd-udevd, in a
# throw-away QEMU guest booted from Debian's kernel package (Tests/VM/run-tests; about 1½-2 min;
# the guest kernel, initramfs and hid-tools venv are cached in .build-vm/). Fails, saying why,
# when the guest cannot be booted.
vm-test: build
	Tests/VM/run-tests

clean:
	rm -rf .build .build-vm

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
