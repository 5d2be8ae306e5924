// The GNU C library's calls for placing threads on processors. Swift's Glibc module is built
// without _GNU_SOURCE, which leaves them undeclared; these are their declarations in <sched.h>
// and <pthread.h>.
#include <sched.h>
#include <pthread.h>

int sched_getcpu(void);
int sched_getaffinity(pid_t pid, size_t cpusetsize, cpu_set_t *cpuset);
int pthread_attr_setaffinity_np(pthread_attr_t *attr, size_t cpusetsize, const cpu_set_t *cpuset);
int pthread_setaffinity_np(pthread_t thread, size_t cpusetsize, const cpu_set_t *cpuset);
