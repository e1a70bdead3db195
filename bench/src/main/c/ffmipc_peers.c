/*
 * C reference peers of the ffm-ipc benchmark (compiled by the harness at bench time with
 * gcc -O3 -march=native: the JIT on the Java side also compiles for this CPU).
 *
 *   ffmipc_peers <spin|posix-sem|sysv-sem|eventfd|futex> <warmup_ms> <measure_ms>
 *
 * Forks: the parent is the driver, the child the peer. Same protocol and the same ring as the
 * Java harness (io.ffmipc.bench.Exchanges over PlainRing), written as tight as we know how:
 *
 *  - one ring of SLOTS fixed slots per direction (SLOT bytes each, a multiple of the cache line):
 *    [uint64 sequence = message number + 1][uint32 length][pad][payload <= 1024];
 *  - a message is published by the release store of its slot's sequence, written last, so the
 *    consumer polls the slot itself: the flag and a small payload arrive in one cache-line
 *    transfer (no separate "published" counter to miss on first), and a slot of an earlier lap can
 *    never pass for a new message (its sequence is SLOTS lower);
 *  - the consumer's count sits on its own pair of cache lines; the producer keeps a cached copy of
 *    it and reads the shared one only when the cache says the ring is full; the stream's consumer
 *    takes up to BATCH messages and publishes its count once per batch;
 *  - no system call and no clock read per message outside the timed sample (spin mode); the
 *    stream reads the clock every 256 messages, like the Java side.
 * A packed byte ring (the channel's own layout, length written last, terminator after each record)
 * was tried too: same round trips, but 2-5x fewer streamed messages per second on the bench
 * machine, so the slot ring is the stronger reference.
 *
 * In the wake-up modes each published message also rings the chosen primitive once and the
 * consumer waits on it, so those rows measure the wake-up over the same ring.
 * 8 B and 1 KiB ping-pong then a 64 B one-way stream, each warmed up then measured; every
 * message's sequence number is checked on both sides. Prints one line:
 *   rtt8_p50 rtt8_p90 rtt8_p99 rtt8_p999 rtt1k_p50 msgs_per_s samples
 * Exit 1 with a message on stderr when a check fails.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/futex.h>
#include <sched.h>
#include <semaphore.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/sem.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SLOTS 128                /* 128 slots of 1088 bytes: 136 KiB per direction */
#define SLOT 1088                /* 16-byte header + 1024-byte payload, rounded up to whole cache lines */
#define HEADER 16
#define LASTF (1ULL << 62)
#define MAX_SAMPLES (4 * 1024 * 1024)
#define BATCH 32                 /* most messages a stream consumer takes before publishing its count: a quarter of the ring */

enum mode { SPIN, POSIX_SEM, SYSV_SEM, EVENTFD, FUTEX };

struct ring {
    _Alignas(128) uint64_t consumed;           /* messages the consumer took, released per batch */
    _Alignas(128) unsigned char slots[SLOTS][SLOT];
};

struct shared {
    struct ring ring[2];         /* 0: driver -> peer, 1: peer -> driver */
    _Alignas(128) uint32_t futex_word[2];
    _Alignas(128) sem_t sem[2];
};

/* This process's end of a ring; each side only ever uses its own half of these. */
struct end {
    uint64_t position;           /* producer: messages written; consumer: messages taken */
    uint64_t cached_consumed;    /* producer: the consumer's count last read */
    uint64_t credits;            /* consumer: wake-ups received, not yet used */
    uint32_t futex_seen;
};

static enum mode mode;
static struct shared *sh;
static struct end ends[2];
static int efd[2];
static int semid;
static const char *side;
static pid_t driver_pid;

/* The driver removes the System V set however it exits (IPC_PRIVATE sets outlive processes). */
static void remove_sysv_set(void) {
    if (mode == SYSV_SEM && getpid() == driver_pid) semctl(semid, 0, IPC_RMID);
}

static void die(const char *what) {
    fprintf(stderr, "ffmipc_peers %s: %s\n", side, what);
    exit(1);
}

static void die_errno(const char *what) {
    fprintf(stderr, "ffmipc_peers %s: %s: %s\n", side, what, strerror(errno));
    exit(1);
}

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ volatile("yield");
#endif
}

static inline uint64_t now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static inline unsigned char *slot_of(struct ring *r, uint64_t n) {
    return r->slots[n % SLOTS];
}

static void ring_bell(int dir) {
    switch (mode) {
    case SPIN:
        break;
    case POSIX_SEM:
        if (sem_post(&sh->sem[dir]) != 0) die_errno("sem_post");
        break;
    case SYSV_SEM: {
        struct sembuf op = { (unsigned short)dir, 1, 0 };
        if (semop(semid, &op, 1) != 0) die_errno("semop +1");
        break;
    }
    case EVENTFD: {
        uint64_t one = 1;
        if (write(efd[dir], &one, 8) != 8) die_errno("eventfd write");
        break;
    }
    case FUTEX:
        __atomic_fetch_add(&sh->futex_word[dir], 1, __ATOMIC_RELEASE);
        syscall(SYS_futex, &sh->futex_word[dir], FUTEX_WAKE, 1, NULL, NULL, 0);
        break;
    }
}

/* Waits for at least one ring; returns the number consumed. */
static uint64_t await_bell(int dir) {
    switch (mode) {
    case POSIX_SEM:
        while (sem_wait(&sh->sem[dir]) != 0) if (errno != EINTR) die_errno("sem_wait");
        return 1;
    case SYSV_SEM: {
        struct sembuf op = { (unsigned short)dir, -1, 0 };
        while (semop(semid, &op, 1) != 0) if (errno != EINTR) die_errno("semop -1");
        return 1;
    }
    case EVENTFD: {
        uint64_t n;
        while (read(efd[dir], &n, 8) != 8) if (errno != EINTR) die_errno("eventfd read");
        return n;
    }
    case FUTEX:
        for (;;) {
            uint32_t v = __atomic_load_n(&sh->futex_word[dir], __ATOMIC_ACQUIRE);
            if (v != ends[dir].futex_seen) {
                uint64_t n = (uint32_t)(v - ends[dir].futex_seen);
                ends[dir].futex_seen = v;
                return n;
            }
            syscall(SYS_futex, &sh->futex_word[dir], FUTEX_WAIT, v, NULL, NULL, 0);
        }
    default:
        return 0;
    }
}

static void send_msg(int dir, const unsigned char *msg, int len) {
    struct ring *r = &sh->ring[dir];
    struct end *e = &ends[dir];
    uint64_t w = e->position;
    if (w - e->cached_consumed >= SLOTS) {
        unsigned spins = 0;
        while (w - (e->cached_consumed = __atomic_load_n(&r->consumed, __ATOMIC_ACQUIRE)) >= SLOTS) {
            if ((++spins & 0x3f) == 0) sched_yield(); else cpu_relax();
        }
    }
    unsigned char *slot = slot_of(r, w);
    *(uint32_t *)(slot + 8) = (uint32_t)len;
    memcpy(slot + HEADER, msg, (size_t)len);
    __atomic_store_n((uint64_t *)slot, w + 1, __ATOMIC_RELEASE);  /* last: publishes the slot */
    e->position = w + 1;
    ring_bell(dir);
}

/* Whether the next message is published. */
static inline int published(int dir) {
    return __atomic_load_n((uint64_t *)slot_of(&sh->ring[dir], ends[dir].position), __ATOMIC_ACQUIRE)
            == ends[dir].position + 1;
}

/* The next message's payload in place, waiting for it (by spinning, or by the wake-up); its length in *len. */
static const unsigned char *next_msg(int dir, int *len) {
    struct end *e = &ends[dir];
    if (mode != SPIN) {
        if (e->credits == 0) e->credits = await_bell(dir);
        e->credits--;
        if (!published(dir)) die("woken but nothing published");
    } else {
        while (!published(dir)) cpu_relax();
    }
    unsigned char *slot = slot_of(&sh->ring[dir], e->position);
    *len = (int)*(uint32_t *)(slot + 8);
    return slot + HEADER;
}

/* Moves past the message next_msg returned; publishes the consumer's count if release is set. */
static void take(int dir, int release) {
    struct end *e = &ends[dir];
    e->position++;
    if (release) __atomic_store_n(&sh->ring[dir].consumed, e->position, __ATOMIC_RELEASE);
}

static void take_release(int dir) {
    __atomic_store_n(&sh->ring[dir].consumed, ends[dir].position, __ATOMIC_RELEASE);
}

static void recv_msg(int dir, unsigned char *into, int len) {
    int stored;
    const unsigned char *m = next_msg(dir, &stored);
    if (stored != len) die("message of the wrong length");
    memcpy(into, m, (size_t)len);
    take(dir, 1);
}

static void stamp(unsigned char *m, int len, uint64_t seq, int last) {
    uint64_t v = last ? (seq | LASTF) : seq;
    memcpy(m, &v, 8);
    if (len >= 16) { uint64_t t = ~v; memcpy(m + len - 8, &t, 8); }
}

/* Checks the sequence number; returns whether the message is the phase's last. */
static int check(const unsigned char *m, int len, uint64_t expected) {
    uint64_t v;
    memcpy(&v, m, 8);
    if ((v & ~LASTF) != expected) {
        fprintf(stderr, "ffmipc_peers %s: expected message %llu, received %llu\n", side,
                (unsigned long long)expected, (unsigned long long)(v & ~LASTF));
        exit(1);
    }
    if (len >= 16) {
        uint64_t t;
        memcpy(&t, m + len - 8, 8);
        if (t != ~v) die("torn message");
    }
    return (v & LASTF) != 0;
}

static unsigned char out[1024], in[1024];
static uint64_t sent, received;
static uint64_t *samples;

static int cmp_u64(const void *a, const void *b) {
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Returns the number of samples recorded (0 when record is 0). */
static size_t ping_pong(int len, uint64_t ns, int record) {
    uint64_t end = now_ns() + ns;
    size_t n = 0;
    for (;;) {
        uint64_t seq = sent++;
        uint64_t t0 = now_ns();
        int last = t0 >= end || (record && n + 1 >= MAX_SAMPLES);
        stamp(out, len, seq, last);
        send_msg(0, out, len);
        recv_msg(1, in, len);
        uint64_t t1 = now_ns();
        received++;
        if (check(in, len, seq) != last) die("echo has the wrong end-of-phase flag");
        if (record) samples[n++] = t1 - t0;
        if (last) return n;
    }
}

static double stream(uint64_t ns) {
    uint64_t t0 = now_ns(), end = t0 + ns, count = 0, seq;
    for (;;) {
        seq = sent++;
        count++;
        int last = (count & 0xff) == 0 && now_ns() >= end;
        stamp(out, 64, seq, last);
        send_msg(0, out, 64);
        if (last) break;
    }
    recv_msg(1, in, 8);
    uint64_t t1 = now_ns();
    check(in, 8, seq);
    return (double)count * 1e9 / (double)(t1 - t0);
}

static void pong(int len) {
    for (;;) {
        recv_msg(0, in, len);
        int last = check(in, len, received++);
        send_msg(1, in, len);
        if (last) return;
    }
}

/* The stream's consumer: checks each message in place, publishes its count once per batch. */
static void consume(void) {
    for (;;) {
        int taken = 0, more;
        do {
            int len;
            const unsigned char *m = next_msg(0, &len);
            if (len != 64) die("streamed message of the wrong length");
            uint64_t seq = received++;
            int last = check(m, 64, seq);
            take(0, 0);
            more = !last && ++taken < BATCH && (mode != SPIN ? ends[0].credits > 0 : published(0));
            if (!more) take_release(0);
            if (last) {
                stamp(out, 8, seq, 1);
                send_msg(1, out, 8);
                return;
            }
        } while (more);
    }
}

static uint64_t pct(size_t n, double p) {
    size_t rank = (size_t)((p / 100.0) * (double)n + 0.999999);
    if (rank < 1) rank = 1;
    if (rank > n) rank = n;
    return samples[rank - 1];
}

int main(int argc, char **argv) {
    side = "driver";
    if (argc != 4) {
        fprintf(stderr, "usage: %s <spin|posix-sem|sysv-sem|eventfd|futex> <warmup_ms> <measure_ms>\n", argv[0]);
        return 2;
    }
    if (!strcmp(argv[1], "spin")) mode = SPIN;
    else if (!strcmp(argv[1], "posix-sem")) mode = POSIX_SEM;
    else if (!strcmp(argv[1], "sysv-sem")) mode = SYSV_SEM;
    else if (!strcmp(argv[1], "eventfd")) mode = EVENTFD;
    else if (!strcmp(argv[1], "futex")) mode = FUTEX;
    else { fprintf(stderr, "unknown mode %s\n", argv[1]); return 2; }
    uint64_t warm = strtoull(argv[2], NULL, 10) * 1000000ULL;
    uint64_t measure = strtoull(argv[3], NULL, 10) * 1000000ULL;

    sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED) die_errno("mmap");
    memset(sh, 0, sizeof *sh);   /* also touches every page before the first message */
    if (mode == POSIX_SEM && (sem_init(&sh->sem[0], 1, 0) || sem_init(&sh->sem[1], 1, 0))) die_errno("sem_init");
    driver_pid = getpid();
    if (mode == SYSV_SEM) {
        if ((semid = semget(IPC_PRIVATE, 2, IPC_CREAT | 0600)) < 0) die_errno("semget");
        atexit(remove_sysv_set);
    }
    if (mode == EVENTFD && ((efd[0] = eventfd(0, EFD_CLOEXEC)) < 0 || (efd[1] = eventfd(0, EFD_CLOEXEC)) < 0)) die_errno("eventfd");
    samples = malloc(sizeof(uint64_t) * MAX_SAMPLES);
    if (!samples) die("out of memory");

    alarm(300); /* never outlive a stuck peer */
    pid_t child = fork();
    if (child < 0) die_errno("fork");
    if (child == 0) {
        side = "peer";
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        pong(8); pong(8); pong(1024); pong(1024);
        consume(); consume();
        _exit(0);
    }
    ping_pong(8, warm, 0);
    size_t n = ping_pong(8, measure, 1);
    qsort(samples, n, sizeof *samples, cmp_u64);
    uint64_t p50 = pct(n, 50), p90 = pct(n, 90), p99 = pct(n, 99), p999 = pct(n, 99.9);
    ping_pong(1024, warm, 0);
    size_t m = ping_pong(1024, measure, 1);
    qsort(samples, m, sizeof *samples, cmp_u64);
    uint64_t large50 = pct(m, 50);
    stream(warm);
    double rate = stream(measure);

    int status;
    if (waitpid(child, &status, 0) != child) die_errno("waitpid");
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) die("the peer failed");
    printf("%llu %llu %llu %llu %llu %.0f %zu\n", (unsigned long long)p50, (unsigned long long)p90,
           (unsigned long long)p99, (unsigned long long)p999, (unsigned long long)large50, rate, n);
    return 0;
}
