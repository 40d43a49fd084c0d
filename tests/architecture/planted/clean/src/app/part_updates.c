#include "app/part_updates.h"
#include "update/update.h"
#include "builder/builder.h"
