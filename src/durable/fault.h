/* fault.h — named fault-injection points of the update pipeline and the store's durable
 * writes (it sits below both, beside fsio.h, whose atomic write asks the hook too).
 * Production passes a FaultHook with fn == NULL and nothing happens. Tests
 * install a function that, at a chosen point, returns an errno value (the step
 * then fails as if the system call had failed with it) or raises SIGKILL to
 * simulate a power cut. The kiosk's update worker returns ECANCELED here to stop
 * an attempt when it quits. Start with FaultPoint below. */
#ifndef FACTS_DURABLE_FAULT_H
#define FACTS_DURABLE_FAULT_H

typedef enum FaultPoint {
    FAULT_COPY_READ = 0,           /* before each chunk read from the stick (EIO: stick pulled) */
    FAULT_COPY_WRITE,              /* before each chunk written to staging (ENOSPC: disk full) */
    FAULT_COPY_AFTER,              /* staged copy complete, synced and renamed */
    FAULT_VERIFY_DURING,           /* signature checked, global signature not yet */
    FAULT_ACCEPT_BEFORE,           /* verified, version not yet checked, loader not yet asked */
    FAULT_SLOT_WRITTEN,            /* pack renamed into the inactive slot, pointer unchanged */
    FAULT_POINTER_WRITTEN,         /* new pointer written to its temp name, not yet renamed */
    FAULT_RENAME_BEFORE_DIR_FSYNC, /* pointer renamed, directory not yet synced */
    FAULT_AFTER_SWITCH,            /* switch durable; the return value is ignored here */
    FAULT_POINT_COUNT
} FaultPoint;

/* Returns 0 to carry on, or an errno value to make the step fail. */
typedef int (*FaultFn)(void *ctx, FaultPoint point);

typedef struct FaultHook {
    FaultFn fn;  /* NULL in production */
    void *ctx;
} FaultHook;

/* Asks the hook (if any) about point. Returns 0 or the errno to simulate.
 * hook may be NULL. */
int fault_check(const FaultHook *hook, FaultPoint point);

/* Stable upper-case name of a point ("COPY_READ"), or "?" when out of range. */
const char *fault_point_name(FaultPoint point);

#endif
