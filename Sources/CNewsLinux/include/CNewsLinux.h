#ifndef NEWSD_CNEWSLINUX_H
#define NEWSD_CNEWSLINUX_H
#include <stdint.h>
#include <sys/types.h>

/* One inotify event, flattened so Swift need not walk the kernel's variable-length records. */
typedef struct {
    int32_t wd;
    uint32_t mask;
    uint32_t cookie;
    uint32_t name_offset; /* offset of the NUL-terminated name in the buffer, 0 when there is none */
} cnews_inotify_event;

/* inotify_init1(IN_NONBLOCK | IN_CLOEXEC); -1 and errno on failure. */
int cnews_inotify_init(void);
/* inotify_add_watch; -1 and errno on failure. */
int cnews_inotify_add_watch(int fd, const char *path, uint32_t mask);
/* inotify_rm_watch; -1 and errno on failure. */
int cnews_inotify_rm_watch(int fd, int wd);
/* Splits `length` bytes read from an inotify fd into at most `capacity` events; returns how many. */
int cnews_inotify_parse(const char *buffer, size_t length, cnews_inotify_event *events, int capacity);

/* getsockopt(SO_PEERCRED); 0 on success, -1 and errno on failure. */
int cnews_peer_credentials(int fd, pid_t *pid, uid_t *uid, gid_t *gid);

/* statfs's f_type for a path (NFS, CIFS, FUSE need polling); -1 and errno on failure. */
long cnews_filesystem_type(const char *path);

/* inotify mask bits, so Swift need not import <sys/inotify.h>'s macros. */
extern const uint32_t CNEWS_IN_CLOSE_WRITE, CNEWS_IN_MOVED_TO, CNEWS_IN_MOVED_FROM, CNEWS_IN_CREATE,
    CNEWS_IN_DELETE, CNEWS_IN_DELETE_SELF, CNEWS_IN_MOVE_SELF, CNEWS_IN_MODIFY, CNEWS_IN_Q_OVERFLOW,
    CNEWS_IN_IGNORED, CNEWS_IN_ISDIR, CNEWS_IN_ONLYDIR, CNEWS_IN_EXCL_UNLINK, CNEWS_IN_UNMOUNT;
#endif

#ifndef NEWSD_CNEWSLINUX_UCRED
#define NEWSD_CNEWSLINUX_UCRED
/* struct ucred's layout (it needs _GNU_SOURCE, which Swift's Glibc import does not set). */
typedef struct {
    int32_t pid;
    uint32_t uid;
    uint32_t gid;
} cnews_ucred;

/* SOL_SOCKET and SO_PEERCRED, for NIO's getsockopt. */
extern const int CNEWS_SOL_SOCKET, CNEWS_SO_PEERCRED;

/* Raises RLIMIT_NOFILE's soft limit to its hard limit; returns the new soft limit, -1 on failure. */
long cnews_raise_fd_limit(void);

/* mallopt(M_ARENA_MAX): at most `arenas` malloc arenas, so memory freed by one thread serves the
   others instead of staying in a per-thread arena; 1 on success. Call before threads start. */
int cnews_malloc_arenas(int arenas);
/* malloc_trim(0): gives free heap pages back to the kernel; 1 when some were released. */
int cnews_malloc_trim(void);
#endif
