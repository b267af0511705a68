/* SPDX-License-Identifier: BSD-3-Clause */
#include <idioms.h>

int idioms_special(void)
{
	return IDIOMS_SPECIAL;
}
