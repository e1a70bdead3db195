/*
 * A musl program for MuslInteropTest: built with `musl-gcc -static` at test time, run on the host,
 * it exchanges data with the library (running on glibc) through each mechanism. One mode per run;
 * prints one result line; exit 0 on success, 1 on a failed call (the line says which and why).
 *
 *   shm-reply NAME          POSIX shm: read the text at 0, write "musl saw: <text>" at 1024
 *   shm-create NAME TEXT    POSIX shm: create 4096 bytes (0600, exclusive), write TEXT at 0
 *   sysv-shm-reply KEY      System V shm: as shm-reply
 *   mq-send NAME PRIO TEXT  POSIX mq: send TEXT at PRIO
 *   mq-receive NAME         POSIX mq: receive one message, print "got <text> prio <p>"
 *   msg-send KEY TYPE TEXT  System V msg: send TEXT as TYPE
 *   msg-receive KEY TYPE    System V msg: receive one of TYPE, print "got <text> type <t>"
 *   fifo-write PATH TEXT    FIFO: write TEXT
 *   fifo-read PATH          FIFO: read to the end, print "got <text>"
 *   sem-open NAME           POSIX sem: open an existing named semaphore, print "opened" or the error
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <mqueue.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/msg.h>
#include <sys/shm.h>
#include <unistd.h>

static int fail(const char *call) {
    printf("%s failed: %s (errno %d)\n", call, strerror(errno), errno);
    return 1;
}

static int reply(char *mem) {
    char text[512];
    snprintf(text, sizeof text, "%s", mem);
    snprintf(mem + 1024, 1024, "musl saw: %s", text);
    printf("replied to '%s'\n", text);
    return 0;
}

struct msg { long type; char text[256]; };

int main(int argc, char **argv) {
    if (argc < 3) {
        printf("usage: musl-peer MODE ARGS\n");
        return 2;
    }
    const char *mode = argv[1];
    if (!strcmp(mode, "shm-reply") || !strcmp(mode, "shm-create")) {
        int create = !strcmp(mode, "shm-create");
        int fd = shm_open(argv[2], create ? O_RDWR | O_CREAT | O_EXCL : O_RDWR, 0600);
        if (fd < 0) return fail("shm_open");
        if (create && ftruncate(fd, 4096) != 0) return fail("ftruncate");
        char *mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        if (mem == MAP_FAILED) return fail("mmap");
        if (create) {
            snprintf(mem, 1024, "%s", argv[3]);
            printf("created\n");
            return 0;
        }
        return reply(mem);
    }
    if (!strcmp(mode, "sysv-shm-reply")) {
        int id = shmget((key_t) strtol(argv[2], NULL, 0), 0, 0);
        if (id < 0) return fail("shmget");
        char *mem = shmat(id, NULL, 0);
        if (mem == (void *) -1) return fail("shmat");
        int r = reply(mem);
        shmdt(mem);
        return r;
    }
    if (!strcmp(mode, "mq-send")) {
        mqd_t q = mq_open(argv[2], O_WRONLY);
        if (q == (mqd_t) -1) return fail("mq_open");
        if (mq_send(q, argv[4], strlen(argv[4]), (unsigned) atoi(argv[3])) != 0) return fail("mq_send");
        printf("sent\n");
        return 0;
    }
    if (!strcmp(mode, "mq-receive")) {
        mqd_t q = mq_open(argv[2], O_RDONLY);
        if (q == (mqd_t) -1) return fail("mq_open");
        struct mq_attr a;
        if (mq_getattr(q, &a) != 0) return fail("mq_getattr");
        char *buf = calloc(1, a.mq_msgsize + 1);
        unsigned prio;
        ssize_t n = mq_receive(q, buf, a.mq_msgsize, &prio);
        if (n < 0) return fail("mq_receive");
        printf("got %.*s prio %u\n", (int) n, buf, prio);
        return 0;
    }
    if (!strcmp(mode, "msg-send")) {
        int id = msgget((key_t) strtol(argv[2], NULL, 0), 0);
        if (id < 0) return fail("msgget");
        struct msg m = { atol(argv[3]), {0} };
        snprintf(m.text, sizeof m.text, "%s", argv[4]);
        if (msgsnd(id, &m, strlen(m.text), 0) != 0) return fail("msgsnd");
        printf("sent\n");
        return 0;
    }
    if (!strcmp(mode, "msg-receive")) {
        int id = msgget((key_t) strtol(argv[2], NULL, 0), 0);
        if (id < 0) return fail("msgget");
        struct msg m;
        ssize_t n = msgrcv(id, &m, sizeof m.text, atol(argv[3]), 0);
        if (n < 0) return fail("msgrcv");
        printf("got %.*s type %ld\n", (int) n, m.text, m.type);
        return 0;
    }
    if (!strcmp(mode, "fifo-write")) {
        int fd = open(argv[2], O_WRONLY);
        if (fd < 0) return fail("open");
        if (write(fd, argv[3], strlen(argv[3])) != (ssize_t) strlen(argv[3])) return fail("write");
        close(fd);
        printf("written\n");
        return 0;
    }
    if (!strcmp(mode, "fifo-read")) {
        int fd = open(argv[2], O_RDONLY);
        if (fd < 0) return fail("open");
        char buf[1024];
        size_t total = 0;
        ssize_t n;
        while ((n = read(fd, buf + total, sizeof buf - 1 - total)) > 0) total += (size_t) n;
        if (n < 0) return fail("read");
        printf("got %.*s\n", (int) total, buf);
        return 0;
    }
    if (!strcmp(mode, "sem-open")) {
        sem_t *s = sem_open(argv[2], 0);
        if (s == SEM_FAILED) return fail("sem_open");
        printf("opened\n");
        return 0;
    }
    printf("unknown mode %s\n", mode);
    return 2;
}
