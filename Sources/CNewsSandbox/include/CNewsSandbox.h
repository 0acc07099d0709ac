#ifndef NEWSD_CNEWSSANDBOX_H
#define NEWSD_CNEWSSANDBOX_H

/* What a parser worker does to itself before it reads its first request:
   PR_SET_PDEATHSIG(SIGKILL), RLIMIT_AS = `memory_bytes` (0: unchanged), RLIMIT_CORE = 0,
   RLIMIT_NPROC/FSIZE = 0, PR_SET_NO_NEW_PRIVS, every capability dropped, and a seccomp filter
   that lets through only what parsing needs (memory, reading and writing descriptors it holds,
   read-only opens, clocks, threads, signals to itself); anything else fails with EPERM.
   Returns 0, or a negative step number with errno set. */
int cnews_worker_sandbox(unsigned long long memory_bytes);
#endif
