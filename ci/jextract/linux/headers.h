/* The Linux headers the ffm-linux bindings are written against (same list as the ABI check's
   @AbiHeaders on io.ffmipc.linux.ffi). */
#include <sys/types.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <string.h>
#include <time.h>
#include <semaphore.h>
#include <mqueue.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/msg.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <linux/futex.h>
