#define _GNU_SOURCE
#include "CNewsLinux.h"
#include <errno.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/vfs.h>

const uint32_t CNEWS_IN_CLOSE_WRITE = IN_CLOSE_WRITE, CNEWS_IN_MOVED_TO = IN_MOVED_TO,
               CNEWS_IN_MOVED_FROM = IN_MOVED_FROM, CNEWS_IN_CREATE = IN_CREATE, CNEWS_IN_DELETE = IN_DELETE,
               CNEWS_IN_DELETE_SELF = IN_DELETE_SELF, CNEWS_IN_MOVE_SELF = IN_MOVE_SELF,
               CNEWS_IN_MODIFY = IN_MODIFY, CNEWS_IN_Q_OVERFLOW = IN_Q_OVERFLOW, CNEWS_IN_IGNORED = IN_IGNORED,
               CNEWS_IN_ISDIR = IN_ISDIR, CNEWS_IN_ONLYDIR = IN_ONLYDIR, CNEWS_IN_EXCL_UNLINK = IN_EXCL_UNLINK,
               CNEWS_IN_UNMOUNT = IN_UNMOUNT;

int cnews_inotify_init(void) { return inotify_init1(IN_NONBLOCK | IN_CLOEXEC); }

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
