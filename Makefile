# formcheck — set-up, build, demo and tests. Every target installs what it needs first, so
# the two commands in README.md work on a fresh Debian/Ubuntu machine that has Swift.

SWIFT ?= swift
# Debian packages: libevdev (live devices, event names), pkg-config (to find it), the reference
# evemu implementation (libevemu for the byte-compatibility tests, evemu-tools for users),
# espeak-ng (spoken cues; the speech tests run it), and binutils (strip, readelf, strings: make dist
# and make install-test). make deb adds dpkg-dev and lintian.
PACKAGES := libevdev-dev pkg-config libevemu-dev evemu-tools espeak-ng binutils
# Only for the tests (make test, make unit-test and what builds the tests): headless Chromium,
# which renders the HTML report (README "The report"), a font for its text, and zlib's headers, to
# decode the screenshot it takes. Not for make build or make demo.
TEST_PACKAGES := chromium fonts-dejavu-core zlib1g-dev
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FORMCHECK := .build/debug/formcheck
DEMO_RECORDING := Fixtures/scenarios/piriformis-joycon.evemu

.PHONY: all deps test-deps build demo demo-strength test unit-test vm-test fuzz fuzz-build fuzz-corpus clean fixtures golden event-names eval-broad eval-real bench bench-deps bench-vqf \
	release dist install install-files uninstall deb deb-package deb-lint install-test deb-test

all: build

# $(call install-missing,TARGET,PACKAGES): the recipe that installs those of the Debian PACKAGES
# that are missing (idempotent: does nothing when all are there), saying so as `make TARGET`.
install-missing = @missing=""; \
	for p in $(2); do \
	  dpkg-query -W -f='$${Status}\n' "$$p" 2>/dev/null | grep -q '^install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "make $(1): installing$$missing"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# Installs the Debian packages that are missing.
deps:
	$(call install-missing,deps,$(PACKAGES))
	@command -v $(SWIFT) >/dev/null || { echo "make deps: Swift is not installed (https://www.swift.org/install/linux/)"; exit 1; }

# The test-only packages (idempotent, as deps).
test-deps: deps
	$(call install-missing,test-deps,$(TEST_PACKAGES))

# The benchmark's packages: GNU time, for the peak RSS of the replay it runs as a process.
BENCH_PACKAGES := time
bench-deps: deps
	$(call install-missing,bench-deps,$(BENCH_PACKAGES))

build: deps
	$(SWIFT) build

# The main job on a bundled recording: a piriformis session (Joy-Con in a leg strap), replayed.
demo: build
	$(FORMCHECK) replay $(DEMO_RECORDING) --exercise piriformis

# A strengthening session: two sets of ten glute bridges (a built-in simulated scenario, rendered
# from its seed into .build/demo/), replayed with its reps, sets and form errors.
demo-strength: build
	@mkdir -p .build/demo
	$(FORMCHECK) simulate bridge-good -o .build/demo/bridge-good.evemu --truth .build/demo/bridge-good.truth.json
	$(FORMCHECK) replay .build/demo/bridge-good.evemu --exercise bridge

# Builds everything (warnings are errors: see Package.swift) and runs the test suite: the unit
# tests, the installed binary (install-test), make deb, the real-kernel tests in a QEMU guest
# (README "VM tests", the .deb installed there among them) and CI's short run of the fuzzers
# (make fuzz, 10 s). Tests/run-all arranges them for the machine's 2 cores (README "How `make test`
# spends its time"): the release binary, the .deb and then the VM tests (whose guest runs in real
# time) first in line for the CPU; beside them, niced and then in the idle class, the tests — built
# with this package's own modules optimised (FORMCHECK_OPTIMISED_TESTS=1, Package.swift; debug
# configuration, testable) in .build-test, apart from the ordinary debug build in .build —, lintian,
# install-test and the fuzzers.
TEST_ENV := FORMCHECK_OPTIMISED_TESTS=1
TEST_SCRATCH := .build-test
test: test-deps
	$(SWIFT) package resolve
	$(TEST_ENV) $(SWIFT) package --scratch-path $(TEST_SCRATCH) resolve
	SWIFT="$(SWIFT)" MAKE="$(MAKE)" Tests/run-all

unit-test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# formcheck against real evdev nodes, uinput, uhid, hid-playstation, hid-nintendo and systemd-udevd, in a
# throw-away QEMU guest booted from Debian's kernel package (Tests/VM/run-tests; about 2½ min;
# the guest kernel, initramfs and hid-tools venv are cached in .build-vm/). Fails, saying why,
# when the guest cannot be booted. It runs the release binary (what dist strips and install and
# the .deb ship; make test has built it by then): under emulation a debug build needs most of a
# guest CPU to keep up with a 200 Hz node and loses frames to SYN_DROPPED when the host is busy.
VMTESTS ?=
vm-test: release
	Tests/VM/run-tests $(VMTESTS)

# Coverage-guided fuzzing (README "Reliability"): libFuzzer with AddressSanitizer on the evemu and
# CSV readers and the protocol and scenario decoders, for FUZZ_SECONDS (the decoders half of it) from the committed seed
# corpus (Fuzz/corpus/TARGET; what libFuzzer finds goes to .build-fuzz/corpus/TARGET, not into
# git). A crash stops with the input saved as .build-fuzz/crash-TARGET-*: make it a
# malformed-input test. The fuzz package (Fuzz/) is built apart, so the main build never sees
# the sanitizer flags.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := evemu csv protocol scenario
FUZZER := Fuzz/.build/debug/formcheck-fuzz
fuzz-build: deps
	$(SWIFT) build --package-path Fuzz -Xswiftc -sanitize=address -Xswiftc -sanitize-coverage=edge,inline-8bit-counters,pc-table,trace-cmp 2>&1 \
	  | grep -v "Cannot export local symbol" ; test -x $(FUZZER)

# The targets run FUZZ_JOBS at a time (default 2, the machine's cores): libFuzzer is single-threaded,
# so each still has a core of its own and runs as many inputs as alone. The two JSON decoders run
# for half of FUZZ_SECONDS: alone on a core, 99 % of what they find in 60 s is found within 5 s
# (protocol) and 30 s (scenario), while the two recording readers still find new paths at 50-60 s
# (README "Reliability"). The order pairs the readers first, then the decoders.
FUZZ_JOBS ?= 2
FUZZ_HALF := protocol scenario
fuzz: fuzz-build
	@mkdir -p .build-fuzz; \
	one() { mkdir -p .build-fuzz/corpus/$$1; seconds=$(FUZZ_SECONDS); \
	  case " $(FUZZ_HALF) " in *" $$1 "*) seconds=$$(( ($(FUZZ_SECONDS) + 1) / 2 ));; esac; \
	  echo "make fuzz: $$1 for $$seconds s"; \
	  SWIFT_BACKTRACE=enable=no FORMCHECK_FUZZ_TARGET=$$1 $(FUZZER) -max_total_time=$$seconds -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 -artifact_prefix=.build-fuzz/crash-$$1- .build-fuzz/corpus/$$1 Fuzz/corpus/$$1 \
	    > .build-fuzz/$$1.log 2>&1; echo $$? > .build-fuzz/$$1.status; }; \
	set -- $(FUZZ_TARGETS); \
	while [ $$# -gt 0 ]; do \
	  n=0; for t in "$$@"; do [ $$n -lt $(FUZZ_JOBS) ] || break; one $$t & n=$$((n + 1)); done; \
	  wait; shift $$n; \
	done; \
	status=0; for t in $(FUZZ_TARGETS); do \
	  if [ "$$(cat .build-fuzz/$$t.status)" != 0 ]; then \
	    status=1; echo "make fuzz: $$t FAILED (.build-fuzz/$$t.log):"; grep -A30 -m1 -E "ERROR|Fatal error|deadly signal" .build-fuzz/$$t.log; fi; \
	  grep -E "stat::number_of_executed_units|stat::peak_rss_mb" .build-fuzz/$$t.log | sed "s/^/  $$t /"; \
	done; exit $$status

# Rewrites the seed corpus: the fixtures' heads and the malformed-input catalogue (only on purpose).
fuzz-corpus: test-deps
	@for t in $(FUZZ_TARGETS); do mkdir -p Fuzz/corpus/$$t; done
	for f in Fixtures/devices/*.evemu; do head -c 4096 $$f > Fuzz/corpus/evemu/fixture-$$(basename $$f); done
	for f in Fixtures/csv/*.csv; do head -c 4096 $$f > Fuzz/corpus/csv/fixture-$$(basename $$f); done
	cp Sources/FormcheckFeedback/Protocols/*.json Fuzz/corpus/protocol/
	cp Tests/VM/scenarios/*.json Fuzz/corpus/scenario/
	$(SWIFT) build --build-tests
	for n in piriformis-joycon walk-brisk strap-slip; do $(FORMCHECK) simulate $$n --print > Fuzz/corpus/scenario/builtin-$$n.json; done
	FORMCHECK_UPDATE_CORPUS=1 $(SWIFT) test --skip-build --filter FuzzCorpusTests

clean:
	rm -rf .build .build-test .build-tools .build-vm .build-fuzz Fuzz/.build

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

# Times the orientation filter (ns per sample) and replay (MB/s of evemu text), release build; the
# live path at 1 kHz takes a minute of wall time (--live-seconds); a replay of a generated 1 GB
# recording runs the release formcheck under /usr/bin/time, three times — the binary make release
# builds (static Swift runtime: what install and the .deb ship; the dynamically linked one peaks
# 4–5 MB higher, its shared libraries mapped), built after the bench so that it is the one beside
# it; ends with the table of README "Speed".
bench: bench-deps
	$(SWIFT) build -c release --product formcheck-bench
	$(MAKE) --no-print-directory release
	.build/release/formcheck-bench

# Rewrites FormcheckFormats' event-name table from the installed libevdev (EventNamesTests checks it).
event-names:
	mkdir -p .build
	$(CC) -O1 -Wall -Wextra -Werror -DLIBEVDEV_VERSION_STRING='"'"$$(pkg-config --modversion libevdev)"'"' \
	  $$(pkg-config --cflags libevdev) tools/event-names.c $$(pkg-config --libs libevdev) -o .build/event-names
	.build/event-names > Sources/FormcheckFormats/EventNames+Table.swift

# formcheck orientation against numpy.loadtxt + VQF's C++ VQF.updateBatch on the same 64.6 MB CSV
# (26 copies of BROAD excerpt 16), side by side in one run, best of BENCH_RUNS (README "Speed"). The
# venv (pip install numpy vqf, from PyPI) and big.csv are made in .build/bench-vqf, never committed.
BENCH_VQF := .build/bench-vqf
BENCH_RUNS ?= 5
bench-vqf: deps
	$(SWIFT) build -c release --product formcheck
	@$(BENCH_VQF)/venv/bin/python -c 'import numpy, vqf' 2>/dev/null || \
	  { mkdir -p $(BENCH_VQF) && python3 -m venv $(BENCH_VQF)/venv && $(BENCH_VQF)/venv/bin/pip install -q numpy vqf; }
	@[ -f $(BENCH_VQF)/big.csv ] || python3 bench/make-big-csv.py Fixtures/broad/16_undisturbed_fast_translation_B_28-103s.csv $(BENCH_VQF)/big.csv
	$(BENCH_VQF)/venv/bin/python bench/compare-vqf.py .build/release/formcheck $(BENCH_VQF)/big.csv $(BENCH_RUNS)

# Rewrites the simulator's golden files in Fixtures/scenarios (only when you mean to: review the diff).
fixtures: build
	$(FORMCHECK) simulate --write-fixtures Fixtures/scenarios

# Rewrites the coaching golden files (Fixtures/coaching/*.jsonl) from the current code: only on purpose.
golden: test-deps
	$(SWIFT) build --build-tests
	FORMCHECK_UPDATE_GOLDEN=1 $(SWIFT) test --skip-build --filter CoachingGoldenTests

# ---------------------------------------------------------------------------------------------
# Installing (README "Install"). `make dist` as yourself, then `sudo make install`:
#   PREFIX   where it goes (default /usr/local; the .deb uses /usr)
#   DESTDIR  a staging root prepended to every path (packaging, tests); udev is reloaded only
#            when DESTDIR is empty
# The binary is self-contained: the Swift runtime and Foundation are linked in (-static-stdlib),
# the built-in protocols are compiled in; it needs libevdev2 (and libc6, libstdc++6, libgcc-s1).

PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(PREFIX)/bin
DATADIR = $(PREFIX)/share
MANDIR = $(DATADIR)/man/man1
DOCDIR = $(DATADIR)/doc/formcheck
BASHCOMPDIR = $(DATADIR)/bash-completion/completions
FISHCOMPDIR = $(DATADIR)/fish/vendor_completions.d
# zsh: Debian's zsh searches /usr/share/zsh/vendor-completions and /usr/local/share/zsh/site-functions.
ZSHCOMPDIR = $(if $(filter /usr,$(PREFIX)),$(DATADIR)/zsh/vendor-completions,$(DATADIR)/zsh/site-functions)
# udev reads /usr/lib/udev/rules.d (packages) and /etc/udev/rules.d (the administrator), never
# /usr/local: a /usr/local install puts the rule in /etc.
UDEVRULESDIR ?= $(if $(filter /usr,$(PREFIX)),/usr/lib/udev/rules.d,/etc/udev/rules.d)

VERSION := $(shell sed -n 's/^ *static let number = "\(.*\)"$$/\1/p' Sources/formcheck/Version.swift)
RELEASE := .build/release/formcheck
DIST := .build/dist
# Where swift-argument-parser's generate-manual is built (a debug build): .build, beside make build's;
# make test gives .build-tools, to build it while the release build holds .build.
TOOLS_SCRATCH ?= .build
# The man page's date: the last commit's (reproducible), else today.
MANDATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

# The release binary: static Swift runtime, no $$ORIGIN rpath (nothing is looked up next to it),
# immediate binding (-z now, as Debian hardening wants).
release: deps
	$(SWIFT) build -c release --static-swift-stdlib --disable-local-rpath -Xlinker -z -Xlinker now --product formcheck

# What install copies, made from the release binary: the stripped binary, completions, man page.
# The man page is swift-argument-parser's generate-manual (run on the binary's --experimental-dump-help,
# through a filter that spells its few non-ASCII characters in ASCII, which generate-manual drops).
dist: release
	rm -rf $(DIST) && mkdir -p $(DIST)/completions
	strip --strip-unneeded --remove-section=.comment --remove-section=.note -o $(DIST)/formcheck $(RELEASE)
	$(DIST)/formcheck --generate-completion-script bash | sed '1{/^#!/d}' > $(DIST)/completions/formcheck.bash
	$(DIST)/formcheck --generate-completion-script zsh > $(DIST)/completions/_formcheck
	$(DIST)/formcheck --generate-completion-script fish > $(DIST)/completions/formcheck.fish
	$(SWIFT) build --scratch-path $(TOOLS_SCRATCH) --product generate-manual
	printf '#!/bin/sh\n"%s" "$$@" | sed -e "s/…/.../g; s/—/--/g; s/–/-/g; s/×/x/g; s/°/ deg/g"\n' "$(CURDIR)/$(DIST)/formcheck" > $(DIST)/formcheck-ascii
	chmod +x $(DIST)/formcheck-ascii
	"$$($(SWIFT) build --scratch-path $(TOOLS_SCRATCH) --show-bin-path)/generate-manual" $(DIST)/formcheck-ascii --date $(MANDATE) \
	  --authors "the formcheck developers" --output-directory $(DIST)
	rm $(DIST)/formcheck-ascii
	gzip -9n $(DIST)/formcheck.1

# Installs what `make dist` built, building it only when there is none: `make dist && sudo make
# install` builds as you and installs as root (nothing in .build becomes root's).
install:
	@[ -x $(DIST)/formcheck ] || $(MAKE) --no-print-directory dist
	@$(MAKE) --no-print-directory install-files

# install without building first (what install and deb run once dist is there).
install-files:
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR) $(DESTDIR)$(DOCDIR) $(DESTDIR)$(UDEVRULESDIR) \
	  $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR)
	install -m 0755 $(DIST)/formcheck $(DESTDIR)$(BINDIR)/formcheck
	install -m 0644 $(DIST)/formcheck.1.gz $(DESTDIR)$(MANDIR)/formcheck.1.gz
	install -m 0644 udev/70-formcheck.rules $(DESTDIR)$(UDEVRULESDIR)/70-formcheck.rules
	install -m 0644 $(DIST)/completions/formcheck.bash $(DESTDIR)$(BASHCOMPDIR)/formcheck
	install -m 0644 $(DIST)/completions/_formcheck $(DESTDIR)$(ZSHCOMPDIR)/_formcheck
	install -m 0644 $(DIST)/completions/formcheck.fish $(DESTDIR)$(FISHCOMPDIR)/formcheck.fish
	install -m 0644 README.md packaging/LICENSES.md $(DESTDIR)$(DOCDIR)/
	install -m 0644 .build/checkouts/swift-argument-parser/LICENSE.txt $(DESTDIR)$(DOCDIR)/LICENSE.swift-argument-parser.txt
	install -m 0644 "$$(dirname "$$(dirname "$$(readlink -f "$$(command -v $(SWIFT))")")")/share/swift/LICENSE.txt" \
	  $(DESTDIR)$(DOCDIR)/LICENSE.swift.txt
	@if [ -z "$(DESTDIR)" ]; then packaging/reload-udev; fi

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/formcheck $(DESTDIR)$(MANDIR)/formcheck.1.gz \
	  $(DESTDIR)$(UDEVRULESDIR)/70-formcheck.rules $(DESTDIR)$(BASHCOMPDIR)/formcheck \
	  $(DESTDIR)$(ZSHCOMPDIR)/_formcheck $(DESTDIR)$(FISHCOMPDIR)/formcheck.fish
	rm -rf $(DESTDIR)$(DOCDIR)
	@if [ -z "$(DESTDIR)" ]; then packaging/reload-udev; fi

# formcheck_VERSION_amd64.deb: `make install` into a staging root with PREFIX=/usr, the Debian
# control files from packaging/debian (Depends computed by dpkg-shlibdeps), built with dpkg-deb
# and checked with lintian, which fails on any error or warning not in the package's overrides
# (packaging/debian/lintian-overrides: each exception with its reason).
DEB := formcheck_$(VERSION)_amd64.deb
# xz's level for the package (packaging/make-deb): 6, dpkg-deb's default; make test passes 1.
DEB_XZ_LEVEL ?= 6
DEBROOT := .build/deb/root
deb: deb-package deb-lint

# The two halves of make deb (make test runs lintian beside the VM tests, which install the package):
# deb-package builds $(DEB); deb-lint checks the one there.
deb-package: dist
	@for p in dpkg-dev lintian; do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
	  || { $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends dpkg-dev lintian; break; }; done
	rm -rf .build/deb && mkdir -p $(DEBROOT)/DEBIAN
	$(MAKE) --no-print-directory install-files DESTDIR=$(CURDIR)/$(DEBROOT) PREFIX=/usr
	DEB_XZ_LEVEL=$(DEB_XZ_LEVEL) packaging/make-deb $(DEBROOT) $(VERSION) $(DEB)

deb-lint:
	lintian --fail-on error,warning --info $(DEB)

# The installed binary, as a user runs it (packaging/install-test): make install into a
# temporary DESTDIR, every subcommand's ordinary path, as root and as nobody from a folder that
# nobody cannot read, then make uninstall.
install-test: dist
	$(SUDO) packaging/install-test

# The .deb installed in the VM guest: dpkg -i, the udev rule under the real udevd, formcheck devices.
deb-test: deb
	FORMCHECK_DEB=$(CURDIR)/$(DEB) Tests/VM/run-tests deb
