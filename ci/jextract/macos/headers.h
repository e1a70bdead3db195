/* The macOS headers a macOS binding is written against (the SDK's, from Xcode or the Command Line Tools). */
#include <fcntl.h>
#include <errno.h>
#include <semaphore.h>
#include <sys/mman.h>
#include <sys/ipc.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <mach/mach.h>
#include <mach/message.h>
#include <servers/bootstrap.h>
