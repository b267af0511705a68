/* SPDX-License-Identifier: BSD-3-Clause */
/* Reading and writing nodes, directories, transactions. */
#include <errno.h>
#include <string.h>
#include <stdint.h>
#include <xen/io/xs_wire.h>
#include "xenstore.h"

/* A path as a request part, with its NUL; -EINVAL for none or "". */
static int path_part(const char *path, struct xs_part *p)
{
	size_t len;

	if (!path || !*path)
		return -EINVAL;
	len = strlen(path);
	if (len > XENSTORE_ABS_PATH_MAX)
		return -E2BIG;
	p->data = path;
	p->len = len + 1;
	return 0;
}

int uk_xenbus_read(uk_xenbus_tx_t tx, const char *path, char *buf,
		   size_t size)
{
	struct xs_part p;
	const char *rsp;
	uint32_t len;
	int rc;

	if (!buf || !size)
		return -EINVAL;
	buf[0] = '\0';
	rc = path_part(path, &p);
	if (rc < 0)
		return rc;
	rc = _xs_request(XS_READ, tx, &p, 1, &rsp, &len);
	if (rc < 0)
		return rc;
	/* A value is bytes: one with a NUL inside is not a string. */
	if (memchr(rsp, '\0', len))
		return -EINVAL;
	if (len >= size)
		return -ERANGE;
	memcpy(buf, rsp, len + 1);
	return (int)len;
}

int uk_xenbus_read_uint(uk_xenbus_tx_t tx, const char *path,
			unsigned long long max, unsigned long long *value)
{
	char buf[24];
	unsigned long long v = 0;
	unsigned int d;
	int i, len;

	len = uk_xenbus_read(tx, path, buf, sizeof(buf));
	if (len == -ERANGE)
		return -EINVAL;	/* longer than any number we take */
	if (len < 0)
		return len;
	if (len == 0)
		return -EINVAL;
	for (i = 0; i < len; i++) {
		if (buf[i] < '0' || buf[i] > '9')
			return -EINVAL;
		d = buf[i] - '0';
		if (v > (max - d) / 10)
			return -EINVAL;
		v = v * 10 + d;
	}
	*value = v;
	return 0;
}

int uk_xenbus_write(uk_xenbus_tx_t tx, const char *path, const char *value)
{
	struct xs_part p[2];
	const char *rsp;
	uint32_t len;
	int rc;

	rc = path_part(path, &p[0]);
	if (rc < 0)
		return rc;
	if (!value)
		return -EINVAL;
	p[1].data = value;
	p[1].len = strlen(value);	/* the value goes without its NUL */
	return _xs_request(XS_WRITE, tx, p, 2, &rsp, &len);
}

int uk_xenbus_rm(uk_xenbus_tx_t tx, const char *path)
{
	struct xs_part p;
	const char *rsp;
	uint32_t len;
	int rc;

	rc = path_part(path, &p);
	if (rc < 0)
		return rc;
	return _xs_request(XS_RM, tx, &p, 1, &rsp, &len);
}

int uk_xenbus_directory(uk_xenbus_tx_t tx, const char *path, char *buf,
			size_t size)
{
	struct xs_part p;
	const char *rsp;
	uint32_t len, i;
	int rc, n = 0;

	if (!buf || !size)
		return -EINVAL;
	rc = path_part(path, &p);
	if (rc < 0)
		return rc;
	rc = _xs_request(XS_DIRECTORY, tx, &p, 1, &rsp, &len);
	if (rc < 0)
		return rc;
	/* Names, each NUL-terminated; none empty. */
	if (len && rsp[len - 1] != '\0')
		return -EIO;
	for (i = 0; i < len; i++) {
		if (rsp[i] != '\0')
			continue;
		if (i == 0 || rsp[i - 1] == '\0')
			return -EIO;
		n++;
	}
	if (len > size)
		return -ERANGE;
	memcpy(buf, rsp, len);
	if (len < size)
		buf[len] = '\0';
	return n;
}

int uk_xenbus_transaction_start(uk_xenbus_tx_t *tx)
{
	static const char empty[1];
	struct xs_part p = { empty, 1 };
	unsigned long long id = 0;
	const char *rsp;
	uint32_t len, i;
	int rc;

	if (!tx)
		return -EINVAL;
	rc = _xs_request(XS_TRANSACTION_START, UK_XENBUS_NO_TX, &p, 1, &rsp,
			 &len);
	if (rc < 0)
		return rc;
	/* A decimal id, not 0, that fits. */
	for (i = 0; i < len && rsp[i]; i++) {
		if (rsp[i] < '0' || rsp[i] > '9' || id > 0xffffffffULL / 10)
			return -EIO;
		id = id * 10 + (rsp[i] - '0');
	}
	if (i == 0 || id == 0 || id > 0xffffffffULL)
		return -EIO;
	*tx = (uk_xenbus_tx_t)id;
	return 0;
}

int uk_xenbus_transaction_end(uk_xenbus_tx_t tx, int abort)
{
	struct xs_part p = { abort ? "F" : "T", 2 };
	const char *rsp;
	uint32_t len;

	if (tx == UK_XENBUS_NO_TX)
		return -EINVAL;
	return _xs_request(XS_TRANSACTION_END, tx, &p, 1, &rsp, &len);
}
