/* pq.c - libpq loaded at the first server address (pq.h). */
#define PQ_LOADER
#include <dlfcn.h>
#include <stdio.h>

#include "pq.h"

struct pq_api pq_api;

bool pq_load(char *err, size_t errlen)
{
	static bool loaded;
	if (loaded)
		return true;
	void *lib = dlopen("libpq.so.5", RTLD_NOW | RTLD_LOCAL);
	if (!lib) {
		snprintf(err, errlen, "cannot load the PostgreSQL client library: %s (install "
				      "libpq5)", dlerror());
		return false;
	}
	const char *missing = NULL;
#define PQ_RESOLVE(name) \
	if (!(*(void **)&pq_api.name = dlsym(lib, #name)) && !missing) \
		missing = #name;
	PQ_FUNCS(PQ_RESOLVE)
#undef PQ_RESOLVE
	if (missing) {
		snprintf(err, errlen, "the PostgreSQL client library lacks %s: it is too old",
			 missing);
		dlclose(lib);
		return false;
	}
	loaded = true; /* kept loaded for the program's life */
	return true;
}
