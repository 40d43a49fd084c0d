/* thread_start: the new thread has every signal blocked, the caller's mask is as it was, and
 * a signal sent to the process reaches the caller's thread while the worker runs. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "posix/thread.h"

#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <time.h>
#include <unistd.h>

/* What a worker saw of its own signal mask. */
typedef struct Seen {
    sigset_t mask;
    int query_error;
} Seen;

static void *note_mask(void *arg)
{
    Seen *seen = arg;
    seen->query_error = pthread_sigmask(SIG_SETMASK, NULL, &seen->mask);
    return NULL;
}

static void new_thread_blocks_every_signal(void **state)
{
    (void)state;
    Seen seen = {0};
    pthread_t thread;
    assert_int_equal(thread_start(&thread, note_mask, &seen), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_int_equal(seen.query_error, 0);
    static const int SIGNALS[] = {SIGTERM, SIGINT, SIGHUP, SIGQUIT, SIGUSR1, SIGUSR2, SIGCHLD, SIGPIPE, SIGALRM};
    for (size_t i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
        assert_int_equal(sigismember(&seen.mask, SIGNALS[i]), 1);
    }
    assert_int_equal(sigismember(&seen.mask, SIGRTMIN), 1);
}

static void caller_mask_is_kept(void **state)
{
    (void)state;
    sigset_t only_usr2, before, after;
    sigemptyset(&only_usr2);
    sigaddset(&only_usr2, SIGUSR2);
    assert_int_equal(pthread_sigmask(SIG_SETMASK, &only_usr2, &before), 0);
    Seen seen = {0};
    pthread_t thread;
    assert_int_equal(thread_start(&thread, note_mask, &seen), 0);
    assert_int_equal(pthread_sigmask(SIG_SETMASK, &before, &after), 0);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_int_equal(sigismember(&after, SIGUSR2), 1);
    assert_int_equal(sigismember(&after, SIGTERM), 0);
    assert_int_equal(sigismember(&after, SIGINT), 0);
    assert_int_equal(sigismember(&after, SIGUSR1), 0);
}

/* The thread that ran the handler: 1 the test's own, 2 another. */
static volatile sig_atomic_t handled_by;
static pthread_t test_thread;

static void note_handler_thread(int signo)
{
    (void)signo;
    handled_by = pthread_equal(pthread_self(), test_thread) ? 1 : 2;
}

/* A worker that stays until told to go, so a signal arrives while it runs. */
typedef struct Waiting {
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool running;
    bool go;
} Waiting;

static void *wait_until_told(void *arg)
{
    Waiting *w = arg;
    pthread_mutex_lock(&w->lock);
    w->running = true;
    pthread_cond_broadcast(&w->wake);
    while (!w->go) {
        pthread_cond_wait(&w->wake, &w->lock);
    }
    pthread_mutex_unlock(&w->lock);
    return NULL;
}

static void process_signal_reaches_the_caller(void **state)
{
    (void)state;
    test_thread = pthread_self();
    handled_by = 0;
    struct sigaction action = {0}, previous = {0};
    action.sa_handler = note_handler_thread;
    sigemptyset(&action.sa_mask);
    assert_int_equal(sigaction(SIGUSR1, &action, &previous), 0);

    Waiting w = {.lock = PTHREAD_MUTEX_INITIALIZER, .wake = PTHREAD_COND_INITIALIZER};
    pthread_t thread;
    assert_int_equal(thread_start(&thread, wait_until_told, &w), 0);
    pthread_mutex_lock(&w.lock);
    while (!w.running) {
        pthread_cond_wait(&w.wake, &w.lock);
    }
    pthread_mutex_unlock(&w.lock);

    /* Sent to the process: the kernel picks a thread that does not block it. */
    assert_int_equal(kill(getpid(), SIGUSR1), 0);
    const struct timespec millisecond = {0, 1000000};
    for (int i = 0; i < 1000 && handled_by == 0; i++) {
        nanosleep(&millisecond, NULL);
    }
    assert_int_equal(handled_by, 1);

    pthread_mutex_lock(&w.lock);
    w.go = true;
    pthread_cond_broadcast(&w.wake);
    pthread_mutex_unlock(&w.lock);
    assert_int_equal(pthread_join(thread, NULL), 0);
    assert_int_equal(sigaction(SIGUSR1, &previous, NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_thread_blocks_every_signal),
        cmocka_unit_test(caller_mask_is_kept),
        cmocka_unit_test(process_signal_reaches_the_caller),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
