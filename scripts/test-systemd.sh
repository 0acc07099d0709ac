#!/usr/bin/env bash
# test-systemd.sh BIN_DIR — newsd's units under a real, throw-away systemd.
#
# Boots systemd as PID 1 of a systemd-nspawn container over the host's own root (read-only, with a
# volatile tmpfs overlay, so nothing it writes reaches the host), installs newsd into it with
# `make install DESTDIR=…`, and checks the service as an operator would see it: start-up through
# READY=1, STATUS=, ingest by a member of the newsd group, reload, the watchdog, socket activation,
# structured journal fields, exit codes. Each check prints "ok" or "FAIL"; the exit status is non-zero
# when any failed. Needs root and systemd-nspawn (installed with apt-get when missing); skipped with a
# message where it cannot run.
#
# Env: KEEP=1  leave the container running at the end and print how to reach it.
set -u -o pipefail

BIN_DIR=${1:?usage: test-systemd.sh BIN_DIR}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BIN_DIR=$(cd "$BIN_DIR" && pwd) || exit 1

skip() { echo "test-systemd: SKIPPED: $*"; exit 0; }
die() { echo "test-systemd: ERROR: $*" >&2; exit 1; }

# --- can it run here? ------------------------------------------------------------------------------
[ "$(uname -s)" = Linux ] || skip "needs Linux"
[ "$(id -u)" = 0 ] || skip "needs root to boot a container (run: sudo make test-systemd)"
[ -x "$BIN_DIR/newsd" ] && [ -x "$BIN_DIR/newsctl" ] || die "no newsd/newsctl in $BIN_DIR (run: make build)"
need=()
[ -x /lib/systemd/systemd ] || need+=(systemd)
command -v systemd-nspawn >/dev/null || need+=(systemd-container)
command -v nsenter >/dev/null && command -v unshare >/dev/null || need+=(util-linux)
command -v ps >/dev/null || need+=(procps)
command -v man >/dev/null || need+=(man-db)     # systemd-analyze verify checks Documentation=man:…
if [ ${#need[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || skip "missing ${need[*]} and no apt-get to install them"
    echo "test-systemd: installing ${need[*]}"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null 2>&1 ||
        skip "could not install ${need[*]}"
fi
command -v systemd-nspawn >/dev/null || skip "no systemd-nspawn"
[ -d /sys/fs/cgroup ] || skip "no cgroup file system"

# --- state and teardown ----------------------------------------------------------------------------
NAME=newsd-test-$$
LAB=$(mktemp -d -t newsd-systemd.XXXXXX)
STAGE=$LAB/stage
NSPAWN=""
PID1=""
CGROUPS=()
PASSED=0
FAILED=0
T0=$(date +%s.%N)

say() { printf '[%6.1fs] %s\n' "$(awk -v a="$(date +%s.%N)" -v b="$T0" 'BEGIN { print a - b }')" "$*"; }
ok() { PASSED=$((PASSED + 1)); echo "ok   $((PASSED + FAILED)) - $*"; }
fail() { FAILED=$((FAILED + 1)); echo "FAIL $((PASSED + FAILED)) - $*"; }
check() { # check DESCRIPTION COMMAND… : ok when the command succeeds
    local what=$1; shift
    if "$@"; then ok "$what"; else fail "$what"; fi
}

cleanup() {
    set +e
    if [ "${KEEP:-0}" = 1 ] && [ -n "$PID1" ]; then
        echo "KEEP=1: container left running; enter it with: nsenter -t $PID1 -a -- bash"
        echo "        stop it with: kill -TERM $NSPAWN; then remove $LAB"
        return
    fi
    if [ -n "$NSPAWN" ] && kill -0 "$NSPAWN" 2>/dev/null; then
        kill -TERM "$NSPAWN" # systemd-nspawn turns this into a clean halt of the container
        for _ in $(seq 1 150); do kill -0 "$NSPAWN" 2>/dev/null || break; sleep 0.1; done
        if kill -0 "$NSPAWN" 2>/dev/null; then
            [ -n "$PID1" ] && kill -KILL "$PID1"
            kill -KILL "$NSPAWN"
        fi
        wait "$NSPAWN" 2>/dev/null
    fi
    for cg in "${CGROUPS[@]}"; do
        for _ in $(seq 1 30); do
            [ -d "$cg" ] || break
            find "$cg" -depth -type d -exec rmdir {} + 2>/dev/null
            sleep 0.1
        done
    done
    if [ $FAILED = 0 ] && [ -n "$PID1" ]; then rm -rf "$LAB"; else echo "test-systemd: container log kept in $LAB"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- stage an install, exactly as `make install` lays it out ------------------------------------------
make -s -C "$ROOT" install DESTDIR="$STAGE" PREFIX=/usr/local BIN_DIR="$BIN_DIR" >"$LAB/install.log" 2>&1 ||
    { cat "$LAB/install.log"; die "make install DESTDIR=$STAGE failed"; }

# --- boot ------------------------------------------------------------------------------------------
# Without systemd on the host, give the container a cgroup subtree of its own (and hide the host's
# /run from nspawn); on a systemd host nspawn asks the host manager for a scope instead.
KEEP_UNIT=()
if [ ! -d /run/systemd/system ]; then
    if [ "$(stat -fc %T /sys/fs/cgroup)" = cgroup2fs ]; then
        CGROUPS=("/sys/fs/cgroup/$NAME")
    else
        for h in systemd unified; do [ -d "/sys/fs/cgroup/$h" ] && CGROUPS+=("/sys/fs/cgroup/$h/$NAME"); done
    fi
    for cg in "${CGROUPS[@]}"; do mkdir -p "$cg" || skip "cannot create cgroup $cg"; done
    KEEP_UNIT=(--keep-unit)
fi
mkdir -p "$LAB/root"
(
    for cg in "${CGROUPS[@]}"; do echo "$BASHPID" >"$cg/cgroup.procs" || exit 1; done
    # A private mount namespace: the read-only bind of / and nspawn's scratch folders stay invisible
    # to the host.
    exec unshare --mount --propagation private -- /bin/sh -c '
        set -e
        dir=$0 name=$1
        shift
        [ -d /run/systemd/system ] || mount -t tmpfs -o mode=0755 newsd-test-run /run
        mount --bind / "$dir"
        mount -o remount,bind,ro "$dir"
        exec systemd-nspawn --quiet --directory="$dir" --volatile=overlay --machine="$name" --register=no "$@" \
            --private-network --link-journal=no --console=passive \
            --boot -- systemd.unit=basic.target systemd.firstboot=off' \
        "$LAB/root" "$NAME" "${KEEP_UNIT[@]}"
) >"$LAB/console.log" 2>&1 </dev/null &
NSPAWN=$!

# The container's PID 1 is the child of nspawn whose innermost pid is 1, once its private bus is up.
for _ in $(seq 1 600); do
    kill -0 "$NSPAWN" 2>/dev/null || { cat "$LAB/console.log"; skip "systemd-nspawn could not boot a container here"; }
    for c in $(ps -o pid= --ppid "$NSPAWN" 2>/dev/null); do
        if awk '/^NSpid:/ { exit !($NF == 1) }' "/proc/$c/status" 2>/dev/null && [ -S "/proc/$c/root/run/systemd/private" ]; then
            PID1=$c
            break 2
        fi
    done
    sleep 0.05
done
[ -n "$PID1" ] || { cat "$LAB/console.log"; die "the container's systemd did not come up"; }

# Runs a command inside the container, in a clean environment.
c() {
    nsenter -t "$PID1" -a -- env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 TERM=dumb SYSTEMD_PAGER= SYSTEMD_COLORS=0 "$@"
}
# Runs a shell snippet inside the container.
csh() { c /bin/sh -c "$1"; }
# One unit property.
prop() { c systemctl show -P "$2" "$1"; }
# Waits up to $1 seconds for the shell snippet $2 (inside the container) to succeed.
wait_for() {
    local deadline=$(($(date +%s) + $1))
    until csh "$2" >/dev/null 2>&1; do
        [ "$(date +%s)" -ge $deadline ] && return 1
        sleep 0.2
    done
}
# journalctl for newsd's own entries, after making sure journald has written what it received.
journal() { c journalctl --sync >/dev/null 2>&1; c journalctl --no-pager -u newsd.service "$@"; }

state=$(c timeout 90 systemctl is-system-running --wait)
say "container up (PID 1 is host pid $PID1): $state"

# --- install into the container, then the steps of docs/install.md ------------------------------------
tar -C "$STAGE" -cf - . | c tar -C / --no-overwrite-dir -xf - || die "copy of the staged install failed"
c mkdir -p /srv/newsd-test
csh 'cat > /srv/newsd-test/test-systemd-article.txt' <<'EOF'
Zephyr quokka festival opens in Perth
Monday 19 May 2025 17:13, UK
By Jane Doe, wildlife reporter
The zephyrquokka festival opened on Monday in Perth with thousands of visitors.
Organisers said the event would run for a week and raise money for wildlife rescue.
EOF
c systemd-sysusers newsd.conf || fail "systemd-sysusers newsd.conf"
c systemd-tmpfiles --create newsd.conf || fail "systemd-tmpfiles --create newsd.conf"
c useradd --create-home --user-group producer && c usermod -aG newsd producer || die "cannot add the producer user"
# Test-only settings: a short watchdog, quick restarts, no core dump of the frozen daemon.
c mkdir -p /etc/systemd/system/newsd.service.d
csh 'cat > /etc/systemd/system/newsd.service.d/test.conf' <<'EOF'
[Service]
WatchdogSec=3s
RestartSec=1s
TimeoutAbortSec=5s
LimitCORE=0
EOF
c systemctl daemon-reload || die "systemctl daemon-reload failed"
# At debug level systemd logs every notification it accepts ("Got notification message from PID …"),
# which shows each sd_notify assignment as the real manager saw it.
c systemd-analyze log-level debug
say "installed newsd into the container"

UNIT=/usr/local/lib/systemd/system/newsd.service
exposure=$(c systemd-analyze security --offline=yes "$UNIT" 2>/dev/null | sed -n 's/.*Overall exposure level for newsd.service: \([0-9.]*\).*/\1/p')
check "systemd-analyze security --offline=yes newsd.service: exposure ${exposure:-?} (at most 0.5)" \
    awk -v e="${exposure:-99}" 'BEGIN { exit !(e <= 0.5) }'
verify=$(c systemd-analyze verify /usr/local/lib/systemd/system/newsd.socket "$UNIT" 2>&1)
check "systemd-analyze verify newsd.socket newsd.service is clean${verify:+: $verify}" test -z "$verify"
check "sysusers made the static newsd user and group; producer is a member" \
    csh 'getent passwd newsd >/dev/null && id -nG producer | grep -qw newsd'
check "tmpfiles made the inbox group-writable and setgid (drwxrws--- newsd newsd)" \
    test "$(c stat -c '%A %U %G' /var/lib/newsd/inbox)" = "drwxrws--- newsd newsd"

# --- socket unit first: systemd binds /run/newsd/control.sock ----------------------------------------
c systemctl start newsd.socket
check "newsd.socket listens on /run/newsd/control.sock (srw-rw---- root newsd), newsd.service not started" \
    test "$(c stat -c '%A %U %G' /run/newsd/control.sock) $(prop newsd.service ActiveState)" \
    = "srw-rw---- root newsd inactive"
INODE=$(c stat -c %i /run/newsd/control.sock)

# --- start: activating until READY=1, then active ------------------------------------------------------
c systemctl start --no-block newsd.service
csh 'end=$(($(date +%s) + 60)); last=""
     while [ $(date +%s) -lt $end ]; do
         s=$(systemctl show -p ActiveState -p SubState -p StatusText newsd.service)
         s="$(echo "$s" | sed -n "s/^ActiveState=//p")/$(echo "$s" | sed -n "s/^SubState=//p") $(echo "$s" | sed -n "s/^StatusText=//p")"
         [ "$s" != "$last" ] && echo "$s" && last=$s
         case $s in active/*|failed/*) break ;; esac
     done' >"$LAB/start.log"
sed 's/^/    /' "$LAB/start.log"
check "newsd.service is activating (start) until READY=1, then active (running)" \
    grep -q '^activating/start' "$LAB/start.log"
check "... and reaches active (running)" grep -q '^active/running' <(tail -1 "$LAB/start.log")
# READY=1 is what ends activating: systemd entered active after the process had started, not at exec.
t_exec=$(prop newsd.service ExecMainStartTimestampMonotonic)
t_active=$(prop newsd.service ActiveEnterTimestampMonotonic)
check "active entered $(((t_active - t_exec) / 1000)) ms after exec (Type=notify waits for READY=1)" \
    test "$t_active" -gt "$t_exec"
check "newsd adopted the socket newsd.socket bound (same inode, no bind of its own)" \
    test "$(c stat -c %i /run/newsd/control.sock)" = "$INODE"
# Catching up first, then watching: STATUS= follows what newsd does.
wait_for 20 'systemctl status --no-pager newsd.service | grep -q "Status: \"Watching /var/lib/newsd/inbox: "'
status=$(c systemctl status --no-pager newsd.service)
echo "$status" | sed -n 's/^ *\(Status: .*\)/    \1/p'
check "systemctl status shows newsd's STATUS text" grep -q 'Status: "Watching /var/lib/newsd/inbox: ' <<<"$status"
check "the daemon runs as newsd:newsd" \
    test "$(c ps -o user=,group= -p "$(prop newsd.service MainPID)" | tr -s ' ')" = "newsd newsd"

# --- ingest: a member of the newsd group drops a file; newsctl finds it ---------------------------------
c runuser -u producer -- sh -c 'umask 027
    cp /srv/newsd-test/test-systemd-article.txt /var/lib/newsd/inbox/.quokka.txt.part &&
    mv /var/lib/newsd/inbox/.quokka.txt.part /var/lib/newsd/inbox/quokka.txt'
check "a file dropped by a member of the newsd group is ingested and found by newsctl query (as that member)" \
    wait_for 30 'runuser -u producer -- newsctl --json query zephyrquokka | grep -q "\"path\" : \"quokka.txt\""'
check "the dropped file took the inbox's group (setgid): newsd" \
    test "$(c stat -c %G /var/lib/newsd/inbox/quokka.txt)" = newsd

# --- parser workers: the file was parsed in a sandboxed child of newsd ---------------------------------
WORKER=$(c sh -c "cat /proc/$(prop newsd.service MainPID)/task/*/children" | tr ' ' '\n' | grep -m1 .)
check "newsd parsed it in a parser worker, a child process (pid ${WORKER:-none}: $(c cat /proc/${WORKER:-0}/cmdline 2>/dev/null | tr '\0' ' '))" \
    test -n "$WORKER" -a "$(c cat /proc/${WORKER:-0}/cmdline 2>/dev/null | tr '\0' ' ')" = "newsd-parser-worker --parser-worker 512 "
check "... under its own seccomp filter with no_new_privs and no capabilities, in the unit's filter too" \
    test "$(c sh -c "grep -E '^(Seccomp|NoNewPrivs|CapEff):' /proc/${WORKER:-0}/status" | tr -s '\t ' ' ' | tr '\n' ' ')" = \
        "CapEff: 0000000000000000 NoNewPrivs: 1 Seccomp: 2 "
check "... with an address-space limit of parse_memory_mb (512 MiB)" \
    test "$(c sh -c "grep 'Max address space' /proc/${WORKER:-0}/limits" | awk '{print $4}')" = 536870912

# --- journal: structured fields ------------------------------------------------------------------------
c runuser -u producer -- sh -c "printf 'Not an article\n\000\000\000binary\n' > /var/lib/newsd/inbox/blob.txt"
check "journalctl -u newsd NEWSD_EVENT=quarantined finds the binary file (NEWSD_FILE=blob.txt)" \
    wait_for 30 'journalctl --sync; journalctl -u newsd.service NEWSD_EVENT=quarantined NEWSD_FILE=blob.txt -o cat | grep -q blob.txt'
journal NEWSD_EVENT=quarantined -o verbose | grep -E '^ +(PRIORITY|MESSAGE|NEWSD_[A-Z_]+)=' | sed 's/^ */    /'
check "... as a warning (PRIORITY=4)" \
    test "$(journal NEWSD_EVENT=quarantined -o export | sed -n 's/^PRIORITY=//p' | head -1)" = 4
check "journalctl -u newsd NEWSD_EVENT=ready finds the start-up entry" \
    grep -q 'ready' <(journal NEWSD_EVENT=ready -o cat)

# --- reload: `systemctl reload` returns once newsd has re-read its config --------------------------------
MAIN=$(prop newsd.service MainPID)
csh 'sed -i "s/\"log_level\": \"info\"/\"log_level\": \"debug\"/" /etc/newsd/newsd.json'
since=$(c date '+%Y-%m-%d %H:%M:%S')
c systemctl reload newsd.service
rc=$?
# No waiting here: the entry was logged before newsctl's answer, so it must be there already.
reloaded=$(journal --since "$since" NEWSD_EVENT=reloaded -o cat)
check "systemctl reload returns (rc $rc) after newsd reloaded: NEWSD_EVENT=reloaded is already in the journal" \
    test $rc = 0 -a -n "$reloaded"
check "... and newsd is active again, same process" \
    test "$(prop newsd.service ActiveState)/$(prop newsd.service MainPID)" = "active/$MAIN"
c runuser -u producer -- sh -c 'sed s/zephyrquokka/wombatfiesta/ /srv/newsd-test/test-systemd-article.txt \
    > /var/lib/newsd/inbox/.wombat.part && mv /var/lib/newsd/inbox/.wombat.part /var/lib/newsd/inbox/wombat.txt'
check "the reloaded log_level (debug) is in force: NEWSD_EVENT=ingested with NEWSD_ARTICLE_ID for the next file" \
    wait_for 30 'journalctl --sync; journalctl -u newsd.service NEWSD_EVENT=ingested NEWSD_FILE=wombat.txt -o export |
                 grep -q "^NEWSD_ARTICLE_ID=[0-9]"'
csh 'cp /etc/newsd/newsd.json /etc/newsd/newsd.json.good &&
     sed -i "s|/var/lib/newsd/newsd.db|/var/lib/newsd/other.db|" /etc/newsd/newsd.json'
c systemctl reload newsd.service 2>/dev/null
rc=$?
text=$(prop newsd.service StatusText)
echo "    StatusText: $text"
check "a reload that changes the database is refused (systemctl reload rc $rc) with a clear STATUS" \
    test $rc != 0 -a "${text#Reload refused: key \"database\" cannot change}" != "$text"
check "... and a log line (NEWSD_EVENT=reload_refused); the old database stays in use, same process" \
    test -n "$(journal NEWSD_EVENT=reload_refused -o cat)" \
    -a "$(c newsctl --json status | grep -c '"database" : "/var/lib/newsd/newsd.db"')" = 1 \
    -a "$(prop newsd.service ActiveState)/$(prop newsd.service MainPID)" = "active/$MAIN"
c mv /etc/newsd/newsd.json.good /etc/newsd/newsd.json

# --- watchdog: a frozen daemon is killed and restarted -------------------------------------------------
MAIN=$(prop newsd.service MainPID)
RESTARTS=$(prop newsd.service NRestarts)
c kill -STOP "$MAIN"
say "froze newsd (pid $MAIN) with SIGSTOP; WatchdogSec=3s"
check "the watchdog restarts the frozen daemon (new main pid, active)" \
    wait_for 40 "test \"\$(systemctl show -P NRestarts newsd.service)\" -gt $RESTARTS &&
                 test \"\$(systemctl show -P ActiveState newsd.service)\" = active &&
                 test \"\$(systemctl show -P MainPID newsd.service)\" != $MAIN"
check "... after systemd logged a watchdog timeout" \
    grep -q 'Watchdog timeout' <(c journalctl --no-pager -u newsd.service -o cat)
check "... and the restarted daemon still has every article" \
    wait_for 30 'newsctl --json query wombatfiesta | grep -q wombat.txt'

# --- socket activation: stop the service, connect, it starts again ----------------------------------------
c systemctl stop newsd.service
check "systemctl stop newsd.service: clean exit (Result=success, exit status 0)" \
    test "$(prop newsd.service Result)/$(prop newsd.service ExecMainStatus)" = success/0
check "... newsd.socket stays active and the socket file is still there (same inode)" \
    test "$(prop newsd.socket ActiveState) $(c stat -c %i /run/newsd/control.sock)" = "active $INODE"
check "the first connection (newsctl status as a member of newsd) starts newsd.service again" \
    csh 'runuser -u producer -- newsctl --json status | grep -q "\"state\"" && systemctl is-active -q newsd.service'

# --- exit on a bad config: ERRNO=, exit 78, no restart loop ---------------------------------------------
csh 'cp /etc/newsd/newsd.json /etc/newsd/newsd.json.good && echo "{\"inbox\": 3}" > /etc/newsd/newsd.json'
RESTARTS=$(prop newsd.service NRestarts)
c systemctl restart newsd.service 2>/dev/null
wait_for 10 'systemctl is-failed -q newsd.service'
check "a bad config fails the unit with exit 78 and ERRNO=22, not restarted ($(prop newsd.service StatusText))" \
    test "$(prop newsd.service ExecMainStatus)/$(prop newsd.service StatusErrno)/$(prop newsd.service NRestarts)" \
    = "78/22/$RESTARTS"
c mv /etc/newsd/newsd.json.good /etc/newsd/newsd.json
c systemctl reset-failed newsd.service
c systemctl start newsd.service
check "with the config fixed it starts again" c systemctl is-active -q newsd.service

# --- every sd_notify assignment, as systemd received it ----------------------------------------------
c journalctl --sync
c journalctl --no-pager -u newsd.service -o cat | grep 'Got notification message' >"$LAB/notify.log"
notified() { # notified DESCRIPTION REGEX: ok when systemd received a notification matching REGEX
    local line
    line=$(grep -E -m1 "$2" "$LAB/notify.log")
    check "systemd received $1${line:+: ${line#*Got notification message from }}" test -n "$line"
}
notified "EXTEND_TIMEOUT_USEC= during start-up" '\(EXTEND_TIMEOUT_USEC=[0-9]+'
notified "READY=1 with STATUS=" '\(READY=1, STATUS=.+'
notified "STATUS= updates" '\(STATUS=Watching /var/lib/newsd/inbox: [0-9]+ articles'
notified "WATCHDOG=1" '\(WATCHDOG=1\)'
notified "RELOADING=1 with MONOTONIC_USEC=" '\(RELOADING=1, MONOTONIC_USEC=[0-9]+\)'
check "systemd received READY=1 after RELOADING=1 (the reload finished)" \
    awk '/\(RELOADING=1/ { reloading = 1; next } reloading && /\(READY=1\)/ { found = 1 } END { exit !found }' \
    "$LAB/notify.log"
notified "STOPPING=1 on shutdown" '\(STOPPING=1'
notified "ERRNO= when exiting on an error" '\(ERRNO=22, STATUS=Failed: '

if [ $FAILED != 0 ]; then
    echo "----- journal of newsd.service"
    c journalctl --no-pager -u newsd.service -n 80
fi
echo
echo "test-systemd: $PASSED passed, $FAILED failed"
[ $FAILED = 0 ]
