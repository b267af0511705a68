/* SPDX-License-Identifier: BSD-3-Clause */
/* Calls between the files of uksched; nothing here is API. */
#ifndef UKSCHED_THREAD_H
#define UKSCHED_THREAD_H

#include <uk/sched_impl.h>

/* The image's scheduler, or NULL before it started. */
struct uk_sched *_uk_sched_get(void);

/* A thread structure for the running boot context ("main"). */
int _uk_thread_adopt_boot(struct uk_sched *s, struct uk_thread **out);

/* Free s->reap, an ended detached thread we no longer run on. */
void _uk_thread_reap(struct uk_sched *s);

#endif /* UKSCHED_THREAD_H */
