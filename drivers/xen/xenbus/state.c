/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The state machine of PV devices: each end publishes its state in
 * <dir>/state as a decimal XenbusState, and waits for the other's through
 * a watch.
 */
#include <errno.h>
#include <string.h>
#include <uk/plat/time.h>
#include <uk/xenbus.h>

#define STATE_PATH_MAX	128

static int state_path(const char *dir, char *buf)
{
	size_t len;

	if (!dir || !*dir)
		return -EINVAL;
	len = strlen(dir);
	if (len + sizeof("/state") > STATE_PATH_MAX)
		return -E2BIG;
	memcpy(buf, dir, len);
	memcpy(buf + len, "/state", sizeof("/state"));
	return 0;
}

int uk_xenbus_read_state(const char *dir, enum uk_xenbus_state *state)
{
	char path[STATE_PATH_MAX];
	unsigned long long v;
	int rc;

	rc = state_path(dir, path);
	if (rc < 0)
		return rc;
	rc = uk_xenbus_read_uint(UK_XENBUS_NO_TX, path,
				 UK_XENBUS_RECONFIGURED, &v);
	if (rc < 0)
		return rc;
	*state = (enum uk_xenbus_state)v;
	return 0;
}

int uk_xenbus_switch_state(uk_xenbus_tx_t tx, const char *dir,
			   enum uk_xenbus_state state)
{
	char path[STATE_PATH_MAX], val[2];
	int rc;

	if ((unsigned int)state > UK_XENBUS_RECONFIGURED)
		return -EINVAL;
	rc = state_path(dir, path);
	if (rc < 0)
		return rc;
	val[0] = '0' + state;
	val[1] = '\0';
	return uk_xenbus_write(tx, path, val);
}

int uk_xenbus_wait_state(const char *dir, enum uk_xenbus_state want,
			 __nsec timeout_ns)
{
	__nsec deadline = uk_plat_monotonic_ns() + timeout_ns;
	struct uk_xenbus_watch w;
	enum uk_xenbus_state s;
	unsigned int seen = 0;
	__nsec now;
	int rc;

	rc = state_path(dir, w.path);
	if (rc < 0)
		return rc;
	rc = uk_xenbus_watch(&w, w.path);
	if (rc < 0)
		return rc;
	for (;;) {
		rc = uk_xenbus_read_state(dir, &s);
		if (rc == 0 && s == want)
			break;
		if (rc == 0 && (s == UK_XENBUS_CLOSING ||
				s == UK_XENBUS_CLOSED)) {
			rc = -ENOTCONN;
			break;
		}
		if (rc < 0 && rc != -ENOENT)
			break;
		now = uk_plat_monotonic_ns();
		if (now >= deadline) {
			rc = -ETIMEDOUT;
			break;
		}
		rc = uk_xenbus_watch_wait(&w, seen, deadline - now);
		if (rc < 0)
			break;
		seen = (unsigned int)rc;
	}
	uk_xenbus_unwatch(&w);
	return rc < 0 ? rc : 0;
}
