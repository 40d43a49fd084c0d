/* thread.h — starting a worker thread that leaves signals to the thread that started it.
 *
 * A new thread inherits its creator's signal mask. The kiosk's signals (SIGTERM from systemd,
 * SIGINT) must reach the main thread, whose SDL handler turns them into a quit; a worker that
 * took one instead would leave the kiosk running. So every worker of the kiosk (the update
 * worker, the status poster, the visits writer, the leads and statistics copies to a stick)
 * starts through thread_start(), which blocks all signals in the new thread only. */
#ifndef FACTS_POSIX_THREAD_H
#define FACTS_POSIX_THREAD_H

#include <pthread.h>

/* Starts run(arg) in a new joinable thread (*thread) with every signal blocked in it. The
 * calling thread's signal mask is the same on return as before. Returns 0, or
 * pthread_create()'s error number (EAGAIN: too many threads); then no thread was started and
 * *thread is unspecified. There is no thread_stop: the caller tells run() to end its own
 * way and joins *thread with pthread_join(). */
int thread_start(pthread_t *thread, void *(*run)(void *arg), void *arg);

#endif
