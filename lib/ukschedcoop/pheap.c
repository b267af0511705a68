/* SPDX-License-Identifier: BSD-3-Clause */
/* The pairing heap of pheap.h. Ties keep no particular order. */
#include "pheap.h"

/* Join two roots (their next/prev unused); the smaller key wins. */
static struct pheap_node *meld(struct pheap_node *a, struct pheap_node *b)
{
	struct pheap_node *t;

	if (!a)
		return b;
	if (!b)
		return a;
	if (b->key < a->key) {
		t = a;
		a = b;
		b = t;
	}
	b->prev = a;
	b->next = a->child;
	if (a->child)
		a->child->prev = b;
	a->child = b;
	return a;
}

/*
 * Turn a list of siblings into one heap: meld them in pairs from left to
 * right, then meld the pairs from right to left (the two-pass rule that
 * gives the amortised bound).
 */
static struct pheap_node *merge_pairs(struct pheap_node *first)
{
	struct pheap_node *pairs = NULL, *a, *b, *root = NULL;

	while (first) {
		a = first;
		b = a->next;
		first = b ? b->next : NULL;
		a->next = a->prev = NULL;
		if (b)
			b->next = b->prev = NULL;
		a = meld(a, b);
		/* Stack the pair: popping it later goes right to left. */
		a->next = pairs;
		pairs = a;
	}
	while (pairs) {
		a = pairs;
		pairs = a->next;
		a->next = NULL;
		root = meld(root, a);
	}
	return root;
}

struct pheap_node *pheap_insert(struct pheap_node *root,
				struct pheap_node *n)
{
	n->child = n->next = n->prev = NULL;
	return meld(root, n);
}

struct pheap_node *pheap_pop(struct pheap_node *root)
{
	struct pheap_node *c = root->child;

	root->child = NULL;
	return merge_pairs(c);
}

struct pheap_node *pheap_remove(struct pheap_node *root,
				struct pheap_node *n)
{
	if (n == root)
		return pheap_pop(root);
	/* Cut n's subtree out of its sibling list, then fold it back. */
	if (n->prev->child == n)
		n->prev->child = n->next;
	else
		n->prev->next = n->next;
	if (n->next)
		n->next->prev = n->prev;
	n->next = n->prev = NULL;
	return meld(root, pheap_pop(n));
}
