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
/* eventfd(2), non-blocking and close-on-exec: a descriptor a thread blocked in poll(2) can be woken through. */
int cnews_wake_fd(void);
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
/* mallopt(M_MMAP_THRESHOLD): blocks of `bytes` and more get their own mapping, unmapped when freed;
   setting it also stops glibc from raising the threshold after such a free. 1 on success. */
int cnews_malloc_mmap_threshold(int bytes);
#endif

#ifndef NEWSD_CNEWSLINUX_WORKER
#define NEWSD_CNEWSLINUX_WORKER
/* sendmsg(2) of `length` bytes with one descriptor attached (SCM_RIGHTS) when `fd` >= 0; returns
   the bytes sent, -1 and errno on failure. Retries EINTR. */
ssize_t cnews_send_with_fd(int socket, const void *buffer, size_t length, int fd);
/* recvmsg(2) into `buffer`; a descriptor that came with the bytes is stored in `*fd` (else -1,
   close-on-exec set). Returns the bytes received (0 at end of stream), -1 and errno on failure. */
ssize_t cnews_receive_with_fd(int socket, void *buffer, size_t capacity, int *fd);
/* posix_spawn(3) of `executable` with `argv`, `child_socket` as the child's fd 3 and `error_fd`
   as its stderr, an empty signal mask and default signal dispositions; the child's pid in `*pid`.
   Returns 0 or an errno value. */
int cnews_spawn_worker(const char *executable, char *const argv[], char *const envp[], int child_socket,
    int error_fd, pid_t *pid);
/* socketpair(AF_UNIX, SOCK_SEQPACKET, close-on-exec); 0 or -1 and errno. */
int cnews_worker_socketpair(int fds[2]);
/* memfd_create(2) with close-on-exec; -1 and errno on failure. */
int cnews_memfd(const char *name);
/* poll(2) for input on one descriptor for at most `timeout_ms`: 1 readable (or hung up), 0 timed
   out, -1 and errno. */
int cnews_poll_in(int fd, int timeout_ms);
/* wait4(2) without blocking when `block` is 0: 1 and the status and peak RSS (KiB) when the child
   ended, 0 when it still runs, -1 and errno. */
int cnews_wait_child(pid_t pid, int block, int *status, long *max_rss_kib);
/* The parts of a wait status. */
int cnews_wifsignaled(int status);
int cnews_wtermsig(int status);
int cnews_wexitstatus(int status);
/* renameat2(2) with RENAME_NOREPLACE: fails with EEXIST instead of replacing `to`. */
int cnews_rename_noreplace(const char *from, const char *to);
/* renameat2(2) with RENAME_NOREPLACE, relative to two folders' descriptors. */
int cnews_renameat_noreplace(int from_dir, const char *from, int to_dir, const char *to);

#endif

#ifndef NEWSD_CNEWSLINUX_BENEATH
#define NEWSD_CNEWSLINUX_BENEATH
/* Opens `relative` (a path of names under the folder `root_fd`, no "..") without following any
   symlink on the way or at the end: openat2(2) with RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS |
   RESOLVE_NO_MAGICLINKS where the kernel has it, else a walk of openat(O_NOFOLLOW) per name.
   `flags` are open(2) flags for the last name (O_CLOEXEC | O_NOFOLLOW are added). Returns the fd,
   or -1 and errno (ELOOP for a symlink, EXDEV for a way out of `root_fd`). */
int cnews_open_beneath(int root_fd, const char *relative, int flags);
/* Opens the folder that holds `relative`'s last name (beneath `root_fd`, as above) and stores the
   offset of that last name in `*name_offset`. Returns the folder's fd, or -1 and errno. */
int cnews_open_parent_beneath(int root_fd, const char *relative, size_t *name_offset);
/* O_RDONLY, O_DIRECTORY, O_PATH: open(2) flags for Swift. */
extern const int CNEWS_O_RDONLY, CNEWS_O_DIRECTORY, CNEWS_O_PATH;
#endif
