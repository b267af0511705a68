/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An intrusive pairing heap keyed by deadline (Fredman, Sedgewick, Sleator
 * and Tarjan, 1986): the sleeping threads of ukschedcoop. Insert and
 * reading the minimum are O(1), removing the minimum or any node is
 * O(log n) amortised, so a thousand sleepers cost no linear scan.
 */
#ifndef UKSCHEDCOOP_PHEAP_H
#define UKSCHEDCOOP_PHEAP_H

#include <uk/essentials.h>

struct pheap_node {
	struct pheap_node *child;	/* first child */
	struct pheap_node *next;	/* next sibling */
	/* The previous sibling, or the parent for a first child. */
	struct pheap_node *prev;
	__nsec key;
};

/* Insert @n (its key set) into the heap @root; returns the new root. */
struct pheap_node *pheap_insert(struct pheap_node *root,
				struct pheap_node *n);

/* Remove the minimum (@root, not NULL); returns the new root. */
struct pheap_node *pheap_pop(struct pheap_node *root);

/* Remove @n, which is in the heap @root; returns the new root. */
struct pheap_node *pheap_remove(struct pheap_node *root,
				struct pheap_node *n);

#endif /* UKSCHEDCOOP_PHEAP_H */
