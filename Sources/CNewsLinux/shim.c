#define _GNU_SOURCE
#include "CNewsLinux.h"
#include <errno.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/vfs.h>

const uint32_t CNEWS_IN_CLOSE_WRITE = IN_CLOSE_WRITE, CNEWS_IN_MOVED_TO = IN_MOVED_TO,
               CNEWS_IN_MOVED_FROM = IN_MOVED_FROM, CNEWS_IN_CREATE = IN_CREATE, CNEWS_IN_DELETE = IN_DELETE,
               CNEWS_IN_DELETE_SELF = IN_DELETE_SELF, CNEWS_IN_MOVE_SELF = IN_MOVE_SELF,
               CNEWS_IN_MODIFY = IN_MODIFY, CNEWS_IN_Q_OVERFLOW = IN_Q_OVERFLOW, CNEWS_IN_IGNORED = IN_IGNORED,
               CNEWS_IN_ISDIR = IN_ISDIR, CNEWS_IN_ONLYDIR = IN_ONLYDIR, CNEWS_IN_EXCL_UNLINK = IN_EXCL_UNLINK,
               CNEWS_IN_UNMOUNT = IN_UNMOUNT;

int cnews_inotify_init(void) { return inotify_init1(IN_NONBLOCK | IN_CLOEXEC); }

int cnews_wake_fd(void) { return eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC); }

int cnews_inotify_add_watch(int fd, const char *path, uint32_t mask) { return inotify_add_watch(fd, path, mask); }

int cnews_inotify_rm_watch(int fd, int wd) { return inotify_rm_watch(fd, wd); }

int cnews_inotify_parse(const char *buffer, size_t length, cnews_inotify_event *events, int capacity) {
    size_t offset = 0;
    int count = 0;
    while (offset + sizeof(struct inotify_event) <= length && count < capacity) {
        const struct inotify_event *e = (const struct inotify_event *)(buffer + offset);
        events[count].wd = e->wd;
        events[count].mask = e->mask;
        events[count].cookie = e->cookie;
        events[count].name_offset = e->len > 0 ? (uint32_t)(offset + sizeof(struct inotify_event)) : 0;
        count++;
        offset += sizeof(struct inotify_event) + e->len;
    }
    return count;
}

int cnews_peer_credentials(int fd, pid_t *pid, uid_t *uid, gid_t *gid) {
    struct ucred cred;
    socklen_t len = sizeof(cred);
    if (getsockopt(fd, SOL_SOCKET, SO_PEERCRED, &cred, &len) != 0) return -1;
    *pid = cred.pid;
    *uid = cred.uid;
    *gid = cred.gid;
    return 0;
}

long cnews_filesystem_type(const char *path) {
    struct statfs s;
    if (statfs(path, &s) != 0) return -1;
    return (long)s.f_type;
}

#include <sys/resource.h>
const int CNEWS_SOL_SOCKET = SOL_SOCKET, CNEWS_SO_PEERCRED = SO_PEERCRED;

long cnews_raise_fd_limit(void) {
    struct rlimit r;
    if (getrlimit(RLIMIT_NOFILE, &r) != 0) return -1;
    if (r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &r) != 0) return -1;
    }
    return (long)r.rlim_cur;
}

#include <malloc.h>

int cnews_malloc_arenas(int arenas) { return mallopt(M_ARENA_MAX, arenas); }

int cnews_malloc_trim(void) { return malloc_trim(0); }

int cnews_malloc_mmap_threshold(int bytes) { return mallopt(M_MMAP_THRESHOLD, bytes); }

/* ---- parser workers ---- */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sched.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/capability.h>
#include <unistd.h>

ssize_t cnews_send_with_fd(int socket, const void *buffer, size_t length, int fd) {
    struct iovec iov = {.iov_base = (void *)buffer, .iov_len = length};
    union {
        char bytes[CMSG_SPACE(sizeof(int))];
        struct cmsghdr align;
    } control;
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    if (fd >= 0) {
        memset(&control, 0, sizeof control);
        msg.msg_control = control.bytes;
        msg.msg_controllen = sizeof control.bytes;
        struct cmsghdr *c = CMSG_FIRSTHDR(&msg);
        c->cmsg_level = SOL_SOCKET;
        c->cmsg_type = SCM_RIGHTS;
        c->cmsg_len = CMSG_LEN(sizeof(int));
        memcpy(CMSG_DATA(c), &fd, sizeof(int));
    }
    ssize_t n;
    do {
        n = sendmsg(socket, &msg, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    return n;
}

ssize_t cnews_receive_with_fd(int socket, void *buffer, size_t capacity, int *fd) {
    struct iovec iov = {.iov_base = buffer, .iov_len = capacity};
    union {
        char bytes[CMSG_SPACE(sizeof(int) * 4)];
        struct cmsghdr align;
    } control;
    struct msghdr msg;
    memset(&msg, 0, sizeof msg);
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = control.bytes;
    msg.msg_controllen = sizeof control.bytes;
    *fd = -1;
    ssize_t n;
    do {
        n = recvmsg(socket, &msg, MSG_CMSG_CLOEXEC);
    } while (n < 0 && errno == EINTR);
    if (n < 0) return n;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c != NULL; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            int fds[4];
            memcpy(fds, CMSG_DATA(c), count * sizeof(int));
            for (size_t k = 0; k < count; k++) {
                if (*fd < 0) *fd = fds[k];
                else close(fds[k]); /* only one descriptor is expected */
            }
        }
    }
    return n;
}

int cnews_spawn_worker(const char *executable, char *const argv[], char *const envp[], int child_socket,
    int error_fd, pid_t *pid) {
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int rc = posix_spawn_file_actions_init(&actions);
    if (rc != 0) return rc;
    rc = posix_spawnattr_init(&attributes);
    if (rc != 0) {
        posix_spawn_file_actions_destroy(&actions);
        return rc;
    }
    int devnull = open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (devnull >= 0) posix_spawn_file_actions_adddup2(&actions, devnull, 0);
    posix_spawn_file_actions_adddup2(&actions, child_socket, 3);
    if (error_fd >= 0) posix_spawn_file_actions_adddup2(&actions, error_fd, 2);
    /* Nothing else of the daemon's (its database, its sockets) reaches the worker. */
    posix_spawn_file_actions_addclosefrom_np(&actions, 4);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    rc = posix_spawn(pid, executable, &actions, &attributes, argv, envp);
    if (devnull >= 0) close(devnull);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return rc;
}

int cnews_worker_socketpair(int fds[2]) {
    return socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, fds);
}

int cnews_memfd(const char *name) { return (int)syscall(SYS_memfd_create, name, MFD_CLOEXEC); }

int cnews_poll_in(int fd, int timeout_ms) {
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int n;
    do {
        n = poll(&p, 1, timeout_ms);
    } while (n < 0 && errno == EINTR);
    return n < 0 ? -1 : (n > 0 ? 1 : 0);
}

int cnews_wait_child(pid_t pid, int block, int *status, long *max_rss_kib) {
    struct rusage usage;
    memset(&usage, 0, sizeof usage);
    pid_t r;
    do {
        r = wait4(pid, status, block ? 0 : WNOHANG, &usage);
    } while (r < 0 && errno == EINTR);
    if (r < 0) return -1;
    if (r == 0) return 0;
    *max_rss_kib = usage.ru_maxrss;
    return 1;
}

int cnews_wifsignaled(int status) { return WIFSIGNALED(status); }
int cnews_wtermsig(int status) { return WTERMSIG(status); }
int cnews_wexitstatus(int status) { return WEXITSTATUS(status); }

int cnews_rename_noreplace(const char *from, const char *to) {
    return (int)syscall(SYS_renameat2, AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

int cnews_renameat_noreplace(int from_dir, const char *from, int to_dir, const char *to) {
    return (int)syscall(SYS_renameat2, from_dir, from, to_dir, to, RENAME_NOREPLACE);
}

/* ---- the inbox boundary ---- */
#include <linux/openat2.h>

const int CNEWS_O_RDONLY = O_RDONLY, CNEWS_O_DIRECTORY = O_DIRECTORY, CNEWS_O_PATH = O_PATH;

static int has_dot_dot(const char *relative) {
    const char *p = relative;
    while (*p) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') return 1;
        if (!slash) break;
        p = slash + 1;
    }
    return 0;
}

static int open_walk(int root_fd, const char *relative, int flags) {
    /* Fallback for kernels before 5.6: one openat(O_NOFOLLOW) per name. */
    int dir = dup(root_fd);
    if (dir < 0) return -1;
    const char *p = relative;
    while (*p == '/') p++;
    char name[4096];
    for (;;) {
        const char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n >= sizeof name) {
            close(dir);
            errno = ENAMETOOLONG;
            return -1;
        }
        memcpy(name, p, n);
        name[n] = 0;
        const char *rest = slash;
        while (rest && *rest == '/') rest++;
        int last = rest == NULL || *rest == 0;
        int next = last ? openat(dir, n ? name : ".", flags | O_CLOEXEC | O_NOFOLLOW)
                        : openat(dir, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
        int saved = errno;
        close(dir);
        if (next < 0) {
            errno = saved;
            return -1;
        }
        if (last) return next;
        dir = next;
        p = rest;
    }
}

int cnews_open_beneath(int root_fd, const char *relative, int flags) {
    if (relative[0] == '/' || has_dot_dot(relative)) {
        errno = EXDEV;
        return -1;
    }
    struct open_how how;
    memset(&how, 0, sizeof how);
    how.flags = (unsigned long long)(flags | O_CLOEXEC | O_NOFOLLOW);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
    long fd;
    do {
        fd = syscall(SYS_openat2, root_fd, relative, &how, sizeof how);
    } while (fd < 0 && errno == EINTR);
    if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return (int)fd;
    /* ENOSYS: an old kernel; EPERM: a seccomp filter that does not know openat2. */
    return open_walk(root_fd, relative, flags);
}

int cnews_open_parent_beneath(int root_fd, const char *relative, size_t *name_offset) {
    const char *slash = strrchr(relative, '/');
    if (slash == NULL) {
        *name_offset = 0;
        return dup(root_fd);
    }
    size_t n = (size_t)(slash - relative);
    char parent[4096];
    if (n >= sizeof parent) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(parent, relative, n);
    parent[n] = 0;
    *name_offset = n + 1;
    return cnews_open_beneath(root_fd, parent, O_RDONLY | O_DIRECTORY);
}
