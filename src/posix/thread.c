/* thread.c — see thread.h. */
#define _POSIX_C_SOURCE 200809L
#include "posix/thread.h"

#include <signal.h>

int thread_start(pthread_t *thread, void *(*run)(void *arg), void *arg)
{
    /* The new thread inherits the mask in force while it is created: block everything for
     * that moment only. */
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    int error = pthread_create(thread, NULL, run, arg);
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return error;
}
