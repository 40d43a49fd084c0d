/* libFuzzer target: mutated content packs through the hardened loader (from memory, the
 * same checks as from a file). Build with the `fuzz` preset; see smoke.sh and the README. */
#include "content/loader.h"

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Content *content = NULL;
    ContentReport report = {0};
    if (content_load_memory(data, size, &report, &content) == CONTENT_OK) {
        content_unload(content);
    }
    return 0;
}
