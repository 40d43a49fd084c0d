/* The leads part (src/app/part_leads.c) on the core's test double (core_double.h), in a temp
 * state directory, without a window: with a public key the "Contact me" button is on; opening
 * the form makes it the private layer on top; a filled-in form that is sent is sealed and
 * appended to the leads file at the store's path, and the core hears "lead left"; cancelling
 * wipes the form and takes the private layer away; without a key nothing is taken; staff
 * browsing a preview of new content open no form. */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app/core_double.h"
#include "app/part_leads.h"
#include "core/lead_form.h"
#include "leads/leads_file.h"
#include "store/store_paths.h"

enum { START_MS = 1000 };

typedef struct Env {
    App app;
    char dir[256];
} Env;

static int set_up(void **state)
{
    Env *env = calloc(1, sizeof *env);
    assert_non_null(env);
    core_double_temp_dir(env->dir, sizeof env->dir, "test_part_leads");
    core_double_create(&env->app, LOG_WARN);
    snprintf(env->app.options.state_dir, sizeof env->app.options.state_dir, "%s/state", env->dir);
    snprintf(env->app.kiosk_id, sizeof env->app.kiosk_id, "kiosk-7");
    *state = env;
    return 0;
}

static int tear_down(void **state)
{
    Env *env = *state;
    core_double_destroy(&env->app);
    core_double_temp_dir_remove(env->dir);
    free(env);
    return 0;
}

/* Starts the part with a fresh key pair in the temp directory (with_key) or none. */
static void start(Env *env, bool with_key)
{
    if (with_key) {
        char public_path[512], secret_path[512];
        snprintf(public_path, sizeof public_path, "%s/leads.pub", env->dir);
        snprintf(secret_path, sizeof secret_path, "%s/leads.key", env->dir);
        assert_int_equal(leads_key_generate(public_path, secret_path), 0);
        snprintf(env->app.options.leads_public_key, sizeof env->app.options.leads_public_key, "%s", public_path);
    }
    assert_int_equal(mkdir(env->app.options.state_dir, 0700), 0);
    env->app.part = &part_leads;
    env->app.self = part_leads.start(&env->app, START_MS);
    assert_non_null(env->app.self);
}

static bool act(App *app, int action, uint64_t now_ms)
{
    return part_leads_take(app, (DeckCommand){.kind = DECK_CMD_LEAD_FORM, .arg.index = action}, now_ms);
}

static void type_text(App *app, const char *text, uint64_t now_ms)
{
    for (const char *c = text; *c; c++) {
        assert_true(part_leads_take(app, (DeckCommand){.kind = DECK_CMD_TEXT_INPUT, .arg.codepoint = (uint32_t)*c},
                                    now_ms));
    }
}

static off_t leads_file_size(const Env *env)
{
    char path[4096];
    struct stat st;
    assert_true(store_file_path(env->app.options.state_dir, STORE_FILE_LEADS, path, sizeof path));
    return stat(path, &st) == 0 ? st.st_size : -1;
}

static void a_sent_lead_is_appended_and_counted(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    start(env, true);
    assert_true(part_leads_enabled(app));
    assert_false(app_core_private_on_top(app));
    assert_true(act(app, LEAD_FORM_ACT_OPEN, START_MS + 10));
    assert_int_equal(app_core_top_layer(app), APP_LAYER_LEAD_FORM);
    assert_true(app_core_private_on_top(app));
    assert_true(act(app, LEAD_FORM_ACT_FOCUS_NAME, START_MS + 20));
    type_text(app, "Ana", START_MS + 30);
    assert_true(act(app, LEAD_FORM_ACT_FOCUS_EMAIL, START_MS + 40));
    type_text(app, "ana@example.com", START_MS + 50);
    assert_true(act(app, LEAD_FORM_ACT_CONSENT, START_MS + 60));
    off_t before = leads_file_size(env);
    assert_true(act(app, LEAD_FORM_ACT_SEND, START_MS + 70));
    assert_int_equal(app->leads_left, 1);
    off_t after = leads_file_size(env);
    assert_true(after > (before < 0 ? 0 : before));
    /* The thanks still covers the page: private until it closes. */
    assert_true(app_core_private_on_top(app));
    assert_true(act(app, LEAD_FORM_ACT_CANCEL, START_MS + 80));
    assert_false(app_core_private_on_top(app));
    part_leads.stop(app, app->self);
}

static void a_form_not_filled_in_is_not_kept(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    start(env, true);
    assert_true(act(app, LEAD_FORM_ACT_OPEN, START_MS));
    assert_true(act(app, LEAD_FORM_ACT_SEND, START_MS + 10)); /* no name, e-mail or consent */
    assert_int_equal(app->leads_left, 0);
    assert_true(leads_file_size(env) <= 0);
    assert_true(act(app, LEAD_FORM_ACT_CANCEL, START_MS + 20));
    assert_false(app_core_private_on_top(app));
    part_leads.stop(app, app->self);
}

static void without_a_key_nothing_is_taken(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    start(env, false);
    assert_false(part_leads_enabled(app));
    assert_false(act(app, LEAD_FORM_ACT_OPEN, START_MS));
    assert_false(app_core_private_on_top(app));
    assert_int_equal(part_leads.deadline(app, app->self, START_MS), UINT64_MAX);
    part_leads.stop(app, app->self);
}

static void a_preview_opens_no_form(void **state)
{
    Env *env = *state;
    App *app = &env->app;
    Content preview = {0};
    start(env, true);
    assert_true(app_core_preview_begin(app, &preview, START_MS));
    assert_true(act(app, LEAD_FORM_ACT_OPEN, START_MS + 10)); /* the button's touch, used up */
    assert_false(app_core_private_on_top(app));
    app_core_preview_end(app, START_MS + 20);
    assert_true(act(app, LEAD_FORM_ACT_OPEN, START_MS + 30));
    assert_int_equal(app_core_top_layer(app), APP_LAYER_LEAD_FORM);
    part_leads.stop(app, app->self);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_sent_lead_is_appended_and_counted, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_form_not_filled_in_is_not_kept, set_up, tear_down),
        cmocka_unit_test_setup_teardown(without_a_key_nothing_is_taken, set_up, tear_down),
        cmocka_unit_test_setup_teardown(a_preview_opens_no_form, set_up, tear_down),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
