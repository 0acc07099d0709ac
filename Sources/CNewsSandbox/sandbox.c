#define _GNU_SOURCE
#include "CNewsSandbox.h"
#include <errno.h>
#include <fcntl.h>
#include <linux/capability.h>
#include <sched.h>
#include <seccomp.h>
#include <signal.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

/* The system calls a parser worker may make once it is sandboxed. */
static const int worker_syscalls[] = {
    SCMP_SYS(read), SCMP_SYS(readv), SCMP_SYS(pread64), SCMP_SYS(write), SCMP_SYS(writev),
    SCMP_SYS(sendmsg), SCMP_SYS(recvmsg), SCMP_SYS(sendto), SCMP_SYS(recvfrom), SCMP_SYS(close),
    SCMP_SYS(fstat), SCMP_SYS(newfstatat), SCMP_SYS(statx), SCMP_SYS(lseek), SCMP_SYS(fcntl),
    SCMP_SYS(getdents64), SCMP_SYS(readlink), SCMP_SYS(readlinkat), SCMP_SYS(access), SCMP_SYS(faccessat),
    SCMP_SYS(faccessat2), SCMP_SYS(getcwd), SCMP_SYS(stat), SCMP_SYS(lstat),
    SCMP_SYS(mmap), SCMP_SYS(munmap), SCMP_SYS(mremap), SCMP_SYS(mprotect), SCMP_SYS(brk), SCMP_SYS(madvise),
    SCMP_SYS(futex), SCMP_SYS(set_robust_list), SCMP_SYS(get_robust_list), SCMP_SYS(rseq),
    SCMP_SYS(exit), SCMP_SYS(exit_group), SCMP_SYS(rt_sigreturn), SCMP_SYS(rt_sigprocmask),
    SCMP_SYS(rt_sigaction), SCMP_SYS(sigaltstack), SCMP_SYS(clock_gettime), SCMP_SYS(clock_getres),
    SCMP_SYS(clock_nanosleep), SCMP_SYS(nanosleep), SCMP_SYS(gettimeofday), SCMP_SYS(time),
    SCMP_SYS(getrandom), SCMP_SYS(gettid), SCMP_SYS(getpid), SCMP_SYS(getppid), SCMP_SYS(getuid),
    SCMP_SYS(geteuid), SCMP_SYS(getgid), SCMP_SYS(getegid), SCMP_SYS(sched_yield),
    SCMP_SYS(sched_getaffinity), SCMP_SYS(uname), SCMP_SYS(prlimit64), SCMP_SYS(getrlimit),
    SCMP_SYS(poll), SCMP_SYS(ppoll), SCMP_SYS(membarrier), SCMP_SYS(set_tid_address), SCMP_SYS(arch_prctl),
    SCMP_SYS(ioctl), SCMP_SYS(dup), SCMP_SYS(dup3), SCMP_SYS(pipe2), SCMP_SYS(eventfd2),
    SCMP_SYS(epoll_create1), SCMP_SYS(epoll_ctl), SCMP_SYS(epoll_wait), SCMP_SYS(epoll_pwait),
    SCMP_SYS(restart_syscall), SCMP_SYS(getrusage), SCMP_SYS(sysinfo),
};

int cnews_worker_sandbox(unsigned long long memory_bytes) {
    if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0) return -1;
    if (getppid() == 1) _exit(0); /* the daemon is already gone */
    struct rlimit zero = {0, 0};
    setrlimit(RLIMIT_CORE, &zero);
    struct rlimit one_mib = {1 << 20, 1 << 20}; /* stderr (a memory file) only */
    setrlimit(RLIMIT_FSIZE, &one_mib);
    if (memory_bytes > 0) {
        struct rlimit as = {memory_bytes, memory_bytes};
        if (setrlimit(RLIMIT_AS, &as) != 0) return -2;
    }
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) return -3;
    /* Drop every capability: effective, permitted and inheritable sets empty, bounding set emptied. */
    for (int cap = 0; cap <= 63; cap++) {
        if (prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0 && errno != EINVAL && errno != EPERM) return -4;
    }
    struct __user_cap_header_struct header = {.version = _LINUX_CAPABILITY_VERSION_3, .pid = 0};
    struct __user_cap_data_struct data[2];
    memset(data, 0, sizeof data);
    /* Only a process that has capabilities (newsd run as root by hand) needs to drop them; under
       the systemd unit it has none, and capset may be filtered there. */
    int held = syscall(SYS_capget, &header, data) != 0 || data[0].effective || data[0].permitted
        || data[1].effective || data[1].permitted || data[0].inheritable || data[1].inheritable;
    memset(data, 0, sizeof data);
    if (held && syscall(SYS_capset, &header, data) != 0) return -5;

    scmp_filter_ctx ctx = seccomp_init(SCMP_ACT_ERRNO(EPERM));
    if (ctx == NULL) {
        errno = ENOMEM;
        return -6;
    }
    /* Every thread of the process gets the filter (and no_new_privs), not only the caller. */
    int rc = seccomp_attr_set(ctx, SCMP_FLTATR_CTL_TSYNC, 1);
    for (size_t k = 0; k < sizeof worker_syscalls / sizeof worker_syscalls[0] && rc == 0; k++) {
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, worker_syscalls[k], 0);
    }
    /* Files may be opened for reading only (time zone data, the C library's locale files). */
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(openat), 1, SCMP_A2(SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY));
    if (rc == 0)
        rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(open), 1, SCMP_A1(SCMP_CMP_MASKED_EQ, O_ACCMODE | O_CREAT | O_TRUNC, O_RDONLY));
    /* Threads, not processes: clone only with CLONE_THREAD; clone3's flags cannot be read, so it
       fails with ENOSYS and the C library falls back to clone. */
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(clone), 1, SCMP_A0(SCMP_CMP_MASKED_EQ, CLONE_THREAD, CLONE_THREAD));
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ERRNO(ENOSYS), SCMP_SYS(clone3), 0);
    /* Signals only to itself (abort, a trap report). */
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(tgkill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
    if (rc == 0) rc = seccomp_rule_add(ctx, SCMP_ACT_ALLOW, SCMP_SYS(kill), 1, SCMP_A0(SCMP_CMP_EQ, (scmp_datum_t)getpid()));
    if (rc == 0) rc = seccomp_load(ctx);
    seccomp_release(ctx);
    if (rc != 0) {
        errno = -rc;
        return -7;
    }
    return 0;
}

