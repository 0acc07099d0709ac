# newsd — build, run, test, install.
#   make run            build and run newsd in the foreground on ./run with the seeds in its inbox
#   make test           unit and end-to-end tests
#   make test-release   the end-to-end tests against the release build's binaries
#   make test-systemd   the units under a real, throw-away systemd (root; skipped where it cannot run)
#   make crash-test     SIGKILL newsd at random moments while it ingests; check exactly-once (KILLS=20 FILES=5000;
#                       AFTER_INGEST=archive|delete: and that every file left the inbox once, recorded)
#   make eval           parser quality on the seeds (eval/seeds.expected.json) and on a generated corpus
#   make bench          benchmarks into docs/BENCHMARKS.md (QUICK=1 for a short run)
#   make fuzz           libFuzzer targets for parser, JSON, front matter, saved state, requests, config (FUZZ_SECONDS=300 each)
#   make install        binaries, units, sysusers, tmpfiles, man pages, completions (PREFIX, DESTDIR)
# Everything the tests, eval, crash-test and bench need is in this repository (scripts/gen-corpus.py,
# scripts/sqlite-reference.py, eval/); nothing is read from beside it.

PREFIX      ?= /usr/local
DESTDIR     ?=
SWIFT       ?= swift
CONFIG      ?= debug
BIN_DIR      = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null)
# libc6-dev and libstdc++-12-dev hold the static C and C++ libraries `newsctl` is linked with (one
# static executable); Swift's own installation needs them too.
SYSTEM_PACKAGES = libsystemd-dev libsqlite3-dev libseccomp-dev libgumbo-dev pkg-config python3 util-linux procps \
  libc6-dev libstdc++-12-dev
RUN_DIR     ?= $(CURDIR)/run
# The release build (`make release`, `make bench`): Swift's runtime and Foundation linked in, every
# function in a section of its own, and the functions the daemon runs laid out together in the order
# of deploy/newsd.order (scripts/code-order.py made it), with lld, packed relative relocations and no
# exported symbols. The kernel maps code by the 64 KiB around each page that runs: laid out this way
# the daemon holds a few MiB of its code instead of most of it (docs/BENCHMARKS.md, "Code layout").
# The order is a hint: a function it does not name is placed as usual, a name it holds that is gone
# is ignored.
# swift build does not know the order file is an input: a newsd older than it is removed, so it is linked again.
relink-if-reordered = @bin=$$($(SWIFT) build -c release $(1) --show-bin-path); \
  if [ -e "$$bin/newsd" ] && [ deploy/newsd.order -nt "$$bin/newsd" ]; then rm -f "$$bin/newsd"; fi
RELEASE_FLAGS = --static-swift-stdlib -Xswiftc -Xfrontend -Xswiftc -function-sections -Xcc -ffunction-sections \
  -Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld -Xlinker --symbol-ordering-file=$(CURDIR)/deploy/newsd.order \
  -Xlinker --no-warn-symbol-ordering -Xlinker -z -Xlinker pack-relative-relocs -Xlinker --no-export-dynamic

.PHONY: all deps build release run test test-release test-unit test-systemd crash-test eval bench install uninstall clean fuzz

all: build

# Installs the system packages the build and tests need, when they are missing and we are root.
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (run: sudo apt-get install$$missing)"; exit 1; fi; \
	fi

build: deps
	$(if $(filter release,$(CONFIG)),$(call relink-if-reordered,))
	$(SWIFT) build -c $(CONFIG) $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))

release:
	$(MAKE) build CONFIG=release

run: build
	@mkdir -p $(RUN_DIR)/inbox
	@for f in seeds/*.txt; do cp "$$f" "$(RUN_DIR)/inbox/.$$(basename $$f).part" && mv "$(RUN_DIR)/inbox/.$$(basename $$f).part" "$(RUN_DIR)/inbox/$$(basename $$f)"; done
	@echo "newsd: inbox $(RUN_DIR)/inbox (the five seeds are in it). In a second terminal, try:"
	@echo "    export NEWSD_SOCKET=$(RUN_DIR)/newsd.sock PATH=$(BIN_DIR):\$$PATH"
	@echo "    newsctl status"
	@echo "    newsctl query ceasefire"
	@echo "    newsctl show 1"
	@echo "Stop newsd with Ctrl-C."
	@exec $(BIN_DIR)/newsd --inbox $(RUN_DIR)/inbox --database $(RUN_DIR)/newsd.db --socket $(RUN_DIR)/newsd.sock

test: build
	NEWSD_BIN_DIR=$(BIN_DIR) $(SWIFT) test -c $(CONFIG)

# The end-to-end tests against the binaries of `make release` (Swift's runtime linked in, the laid-out
# code): what `make install` installs is what was tested. All but the poison-file test, whose fault
# hook (`NEWSD-TEST-FAULT:`) only debug builds have; `make test` runs it.
test-release: deps
	$(SWIFT) build --build-tests
	$(MAKE) build CONFIG=release
	NEWSD_BIN_DIR=$$($(SWIFT) build -c release --show-bin-path) $(SWIFT) test --skip-build --filter EndToEndTests \
	  --skip aPoisonFileIsQuarantinedWithItsReason

# Boots a throw-away systemd in a container and checks the installed units there (needs root).
test-systemd: build
	bash scripts/test-systemd.sh $(BIN_DIR)

crash-test: build
	python3 scripts/crash-test.py --bin-dir $(BIN_DIR) --kills $${KILLS:-20} --files $${FILES:-5000} --after-ingest $${AFTER_INGEST:-keep}

eval: build
	bash scripts/eval.sh $(BIN_DIR)

# `make bench SCALE=N`: instead of the suite, query latency at N generated articles (timed at 100,000
# on the way when N is larger) beside raw FTS5 on the same database (scripts/query-bench.py); the
# corpus and the database stay in SCALE_WORK, for a later run with BENCH_FLAGS=--reuse.
SCALE_WORK ?= $(or $(TMPDIR),/tmp)/newsd-scale-$(SCALE)
bench: deps
	$(call relink-if-reordered,--scratch-path .build-release)
	$(SWIFT) build -c release --scratch-path .build-release $(RELEASE_FLAGS)
	bin=$$($(SWIFT) build -c release --scratch-path .build-release --show-bin-path); \
	if [ -n "$(SCALE)" ]; then \
	  python3 scripts/query-bench.py --bin-dir $$bin --generator scripts/gen-corpus.py --count $(SCALE) \
	    --stages 100000 --work $(SCALE_WORK) $(BENCH_FLAGS); \
	else \
	  python3 scripts/bench.py --bin-dir $$bin $(if $(QUICK),--quick,) $(BENCH_FLAGS); \
	fi

# The binaries to install: BIN_DIR when given, else those of `make release`, else the CONFIG build.
# (Under sudo, swift may not be on PATH: the release path needs no swift.)
install: INSTALL_BIN_DIR = $(if $(filter command line,$(origin BIN_DIR)),$(BIN_DIR),$(if $(wildcard \
  $(CURDIR)/.build/release/newsd),$(CURDIR)/.build/release,$(BIN_DIR)))
install:
	@[ -x "$(INSTALL_BIN_DIR)/newsd" ] && [ -x "$(INSTALL_BIN_DIR)/newsctl" ] || \
	  { echo "make install: no newsd and newsctl in '$(INSTALL_BIN_DIR)' (run: make release)"; exit 1; }
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib/systemd/system $(DESTDIR)$(PREFIX)/lib/sysusers.d \
	  $(DESTDIR)$(PREFIX)/lib/tmpfiles.d $(DESTDIR)$(PREFIX)/share/man/man1 $(DESTDIR)$(PREFIX)/share/man/man5 \
	  $(DESTDIR)$(PREFIX)/share/man/man8 $(DESTDIR)$(PREFIX)/share/doc/newsd $(DESTDIR)/etc/newsd \
	  $(DESTDIR)$(PREFIX)/share/bash-completion/completions $(DESTDIR)$(PREFIX)/share/zsh/site-functions \
	  $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 0755 $(INSTALL_BIN_DIR)/newsd $(INSTALL_BIN_DIR)/newsctl $(DESTDIR)$(PREFIX)/bin/
	for u in newsd.service newsd.socket; do \
	  sed 's|/usr/local/bin/|$(PREFIX)/bin/|g' deploy/$$u > $(DESTDIR)$(PREFIX)/lib/systemd/system/$$u && \
	  chmod 0644 $(DESTDIR)$(PREFIX)/lib/systemd/system/$$u || exit 1; done
	install -m 0644 deploy/newsd.sysusers $(DESTDIR)$(PREFIX)/lib/sysusers.d/newsd.conf
	install -m 0644 deploy/newsd.tmpfiles $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/newsd.conf
	install -m 0644 deploy/newsd.json $(DESTDIR)$(PREFIX)/share/doc/newsd/newsd.json
	[ ! -f config.example.json ] || install -m 0644 config.example.json $(DESTDIR)$(PREFIX)/share/doc/newsd/
	[ -e $(DESTDIR)/etc/newsd/newsd.json ] || install -m 0644 deploy/newsd.json $(DESTDIR)/etc/newsd/newsd.json
	install -m 0644 docs/man/newsd.8 $(DESTDIR)$(PREFIX)/share/man/man8/
	install -m 0644 docs/man/newsd.conf.5 $(DESTDIR)$(PREFIX)/share/man/man5/
	install -m 0644 docs/man/newsctl.1 $(DESTDIR)$(PREFIX)/share/man/man1/
	$(INSTALL_BIN_DIR)/newsctl --generate-completion-script bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsctl
	$(INSTALL_BIN_DIR)/newsctl --generate-completion-script zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsctl
	$(INSTALL_BIN_DIR)/newsctl --generate-completion-script fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsctl.fish

# Removes what install put there, except /etc/newsd/newsd.json (the operator's config) and the data
# under /var/lib/newsd; the newsd user stays too (files may still belong to it).
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/newsd $(DESTDIR)$(PREFIX)/bin/newsctl \
	  $(DESTDIR)$(PREFIX)/lib/systemd/system/newsd.service $(DESTDIR)$(PREFIX)/lib/systemd/system/newsd.socket \
	  $(DESTDIR)$(PREFIX)/lib/sysusers.d/newsd.conf $(DESTDIR)$(PREFIX)/lib/tmpfiles.d/newsd.conf \
	  $(DESTDIR)$(PREFIX)/share/man/man8/newsd.8 $(DESTDIR)$(PREFIX)/share/man/man5/newsd.conf.5 \
	  $(DESTDIR)$(PREFIX)/share/man/man1/newsctl.1 $(DESTDIR)$(PREFIX)/share/bash-completion/completions/newsctl \
	  $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_newsctl $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/newsctl.fish
	rm -rf $(DESTDIR)$(PREFIX)/share/doc/newsd
	@[ ! -e $(DESTDIR)/etc/newsd/newsd.json ] || echo "kept $(DESTDIR)/etc/newsd/newsd.json and /var/lib/newsd (remove them by hand)"

clean:
	rm -rf .build $(RUN_DIR)

# Coverage-guided fuzzing (docs/fuzzing.md): builds the libFuzzer targets in .build-fuzz and runs each
# for FUZZ_SECONDS (FUZZ_TARGETS to pick some); exits non-zero when any of them crashed. FUZZ_SCRATCH=.build
# builds in the normal build folder instead, rebuilding only newsd's own modules (what CI does).
FUZZ_SECONDS ?= 300
FUZZ_TARGETS ?=
FUZZ_SCRATCH ?= .build-fuzz
fuzz: deps
	SWIFT=$(SWIFT) FUZZ_SECONDS=$(FUZZ_SECONDS) FUZZ_SCRATCH=$(FUZZ_SCRATCH) bash scripts/fuzz.sh $(FUZZ_TARGETS)
