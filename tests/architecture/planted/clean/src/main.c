/* the verbs: anything */
#include "app/core.h"
#include "store/store.h"
#include "update/update.h"
#include "builder/builder.h"
#include <sodium.h>
#include <getopt.h>
