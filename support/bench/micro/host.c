/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The host side of the micro-benchmark: the same workloads as microbench/
 * with the host's glibc malloc and pthreads, built with the host gcc.
 * Every thread is pinned to one CPU so that a switch is a switch on one
 * CPU, as in a Kiln image, not a wake-up on another core.
 *
 * Build: gcc -O2 -pthread -o host host.c
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <semaphore.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "bench.h"

static void *objs[BENCH_BATCH];
static void *volatile sink;

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static void print(const char *what, const char *impl, unsigned long size,
		  unsigned long long ns, unsigned long ops)
{
	unsigned long long hundredths = ns * 100 / ops;

	printf("bench what=%s impl=%s size=%lu ns=%llu.%02llu\n", what, impl,
	       size, hundredths / 100, hundredths % 100);
}

static void pin(void)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(0, &set);
	pthread_setaffinity_np(pthread_self(), sizeof(set), &set);
}

static void bench_malloc(void)
{
	unsigned long s, i, r;
	unsigned long long t0;
	char *p;

	for (s = 0; s < BENCH_NSIZES; s++) {
		t0 = now_ns();
		for (i = 0; i < BENCH_PAIRS; i++) {
			p = malloc(bench_sizes[s]);
			*(volatile char *)p = 1;
			sink = p;
			free(p);
		}
		print("malloc_free_pair", "glibc", bench_sizes[s],
		      now_ns() - t0, BENCH_PAIRS);
		t0 = now_ns();
		for (r = 0; r < BENCH_ROUNDS; r++) {
			for (i = 0; i < BENCH_BATCH; i++) {
				objs[i] = malloc(bench_sizes[s]);
				*(volatile char *)objs[i] = 1;
			}
			for (i = 0; i < BENCH_BATCH; i++)
				free(objs[i]);
		}
		print("malloc_free_batch", "glibc", bench_sizes[s],
		      now_ns() - t0, BENCH_ROUNDS * BENCH_BATCH);
	}
}

static void *yielder(void *arg)
{
	unsigned long i;

	(void)arg;
	pin();
	for (i = 0; i < BENCH_SWITCHES; i++)
		sched_yield();
	return NULL;
}

static sem_t ping, pong;

static void *pinger(void *arg)
{
	unsigned long i;

	(void)arg;
	pin();
	for (i = 0; i < BENCH_SWITCHES / 2; i++) {
		sem_post(&ping);
		sem_wait(&pong);
	}
	return NULL;
}

static void *ponger(void *arg)
{
	unsigned long i;

	(void)arg;
	pin();
	for (i = 0; i < BENCH_SWITCHES / 2; i++) {
		sem_wait(&ping);
		sem_post(&pong);
	}
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static unsigned long long pair_of(void *(*f1)(void *), void *(*f2)(void *))
{
	pthread_t a, b;
	unsigned long long t0 = now_ns();

	pthread_create(&a, NULL, f1, NULL);
	pthread_create(&b, NULL, f2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return now_ns() - t0;
}

static void bench_threads(void)
{
	pthread_attr_t attr;
	unsigned long long t0;
	unsigned long i;
	pthread_t t;

	print("switch_yield", "pthreads", 0, pair_of(yielder, yielder),
	      2 * BENCH_SWITCHES);
	sem_init(&ping, 0, 0);
	sem_init(&pong, 0, 0);
	print("switch_sem", "pthreads", 0, pair_of(pinger, ponger),
	      BENCH_SWITCHES);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, BENCH_STACK);
	t0 = now_ns();
	for (i = 0; i < BENCH_CREATES; i++) {
		pthread_create(&t, &attr, nothing, NULL);
		pthread_join(t, NULL);
	}
	print("create_join", "pthreads", BENCH_STACK, now_ns() - t0,
	      BENCH_CREATES);
}

int main(void)
{
	pin();
	bench_malloc();
	bench_threads();
	return 0;
}
