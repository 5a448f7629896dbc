/* The Erlang modules a firmware embeds with gluon_add_app (CMake). */
#ifndef GLUON_APP_H
#define GLUON_APP_H

#include "gluon.h"

/* Makes the embedded modules loadable on first use (in place, in flash). */
gluon_status gluon_app_add(gluon_vm *vm);

/* The name of the first module given to gluon_add_app. */
extern const char gluon_app_start[];

#endif /* GLUON_APP_H */
