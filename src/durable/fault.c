/* fault.c — the fault-injection hook; see fault.h. */
#include "durable/fault.h"

#include <stddef.h>

static const char *const POINT_NAMES[FAULT_POINT_COUNT] = {
    [FAULT_COPY_READ] = "COPY_READ",
    [FAULT_COPY_WRITE] = "COPY_WRITE",
    [FAULT_COPY_AFTER] = "COPY_AFTER",
    [FAULT_VERIFY_DURING] = "VERIFY_DURING",
    [FAULT_ACCEPT_BEFORE] = "ACCEPT_BEFORE",
    [FAULT_SLOT_WRITTEN] = "SLOT_WRITTEN",
    [FAULT_POINTER_WRITTEN] = "POINTER_WRITTEN",
    [FAULT_RENAME_BEFORE_DIR_FSYNC] = "RENAME_BEFORE_DIR_FSYNC",
    [FAULT_AFTER_SWITCH] = "AFTER_SWITCH",
};

int fault_check(const FaultHook *hook, FaultPoint point)
{
    if (hook == NULL || hook->fn == NULL) {
        return 0;
    }
    return hook->fn(hook->ctx, point);
}

const char *fault_point_name(FaultPoint point)
{
    if ((unsigned)point >= FAULT_POINT_COUNT) {
        return "?";
    }
    return POINT_NAMES[point];
}
