/* SPDX-License-Identifier: BSD-3-Clause */
#include <time.h>
#include <uk/time.h>

time_t time(time_t *t)
{
	time_t now = (time_t)(uk_time_wall() / UK_NSEC_PER_SEC);

	if (t)
		*t = now;
	return now;
}
