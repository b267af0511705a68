/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The deadline heap on its own: random inserts, removals from the middle
 * and pops, checked against a brute-force minimum.
 */
#include <uk/test.h>
#include "../pheap.h"

#define N 200

static uint64_t seed;

static uint64_t rnd(void)
{
	seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return seed >> 33;
}

UK_TESTCASE(ukschedcoop, pheap_random)
{
	static struct pheap_node nodes[N];
	static int in[N];
	struct pheap_node *root = NULL;
	int i, step, min, bad = 0, count = 0;

	seed = 1;
	for (step = 0; step < 5000; step++) {
		i = rnd() % N;
		switch (rnd() % 3) {
		case 0:		/* insert (or remove if present) */
		case 1:
			if (!in[i]) {
				nodes[i].key = rnd() % 1000;
				root = pheap_insert(root, &nodes[i]);
				in[i] = 1;
				count++;
			} else {
				root = pheap_remove(root, &nodes[i]);
				in[i] = 0;
				count--;
			}
			break;
		default:	/* pop: must be a minimum */
			if (!root)
				break;
			min = -1;
			for (i = 0; i < N; i++)
				if (in[i] && (min < 0 ||
					      nodes[i].key < nodes[min].key))
					min = i;
			bad += root->key != nodes[min].key;
			in[root - nodes] = 0;
			root = pheap_pop(root);
			count--;
			break;
		}
	}
	/* Drain: keys come out sorted, and exactly count of them. */
	{
		__nsec last = 0;
		int n = 0;

		while (root) {
			bad += root->key < last;
			last = root->key;
			root = pheap_pop(root);
			n++;
		}
		UK_TEST_EXPECT_INT_EQ(n, count);
	}
	UK_TEST_EXPECT_INT_EQ(bad, 0);
}
