// SPDX-License-Identifier: BSD-3-Clause
// C++ compiled freestanding: a class, a template and a global object
// whose constructor must have run before main().
#include <idioms.h>
#include <idioms_cxx.h>		// LIBPOOLIDIOMS_CXXINCLUDES-y

namespace {

template <typename T> T twice(T v)
{
	return v + v;
}

class Counter {
public:
	Counter() : value_(twice(IDIOMS_CXXFLAG) + IDIOMS_CXXPRIV) {}
	int value() const { return value_; }

private:
	int value_;
};

Counter counter;	// constructed through .init_array

} // namespace

int idioms_cxx(void)
{
	return counter.value();
}
