#!/usr/bin/env bash
# Time from pthread_create to a new thread's first line while its parent keeps working, with the
# scheduler left to place the thread and with the thread started on another processor (as
# WorkerThread does). Prints microseconds for ROUNDS starts of each (default 40) and their
# medians and maxima. Needs a C compiler (cc).
#
# Usage: scripts/thread-start.sh [ROUNDS]
set -euo pipefail
rounds="${1:-40}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/start.c" <<'C'
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static volatile double began;
static void *first_line(void *unused) { (void)unused; began = now_us(); return NULL; }

static int ascending(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* One start: the parent spins for about 10 ms after pthread_create, as a parent parsing its
   command line would keep its processor busy. */
static double one_start(int elsewhere) {
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    if (elsewhere) {
        cpu_set_t allowed, others;
        sched_getaffinity(0, sizeof allowed, &allowed);
        CPU_ZERO(&others);
        int current = sched_getcpu();
        for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
            if (cpu != current && CPU_ISSET(cpu, &allowed)) CPU_SET(cpu, &others);
        if (CPU_COUNT(&others) > 0) pthread_attr_setaffinity_np(&attributes, sizeof others, &others);
    }
    pthread_t thread;
    began = 0;
    double start = now_us();
    pthread_create(&thread, &attributes, first_line, NULL);
    volatile double sink = 0;
    while (now_us() - start < 10000) sink += 1;
    pthread_join(thread, NULL);
    pthread_attr_destroy(&attributes);
    return began - start;
}

int main(int argc, char **argv) {
    int rounds = argc > 1 ? atoi(argv[1]) : 40;
    double *times[2] = {calloc(rounds, sizeof(double)), calloc(rounds, sizeof(double))};
    for (int round = 0; round < rounds; round++)
        for (int elsewhere = 0; elsewhere < 2; elsewhere++) times[elsewhere][round] = one_start(elsewhere);
    const char *labels[2] = {"placed by the scheduler      ", "started on another processor"};
    for (int elsewhere = 0; elsewhere < 2; elsewhere++) {
        qsort(times[elsewhere], rounds, sizeof(double), ascending);
        printf("%s  median %7.1f us  max %7.1f us  (%d starts)\n", labels[elsewhere],
               times[elsewhere][rounds / 2], times[elsewhere][rounds - 1], rounds);
    }
    return 0;
}
C
cc -O2 -pthread "$work/start.c" -o "$work/start"
echo "machine: $(uname -m), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | awk '{print $1, $2}'), $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
"$work/start" "$rounds"
