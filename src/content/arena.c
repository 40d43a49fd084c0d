/* arena.c — block list allocator for Content; see arena.h. */
#include "content/arena.h"

#include <stdalign.h>
#include <stdlib.h>
#include <string.h>

enum { ARENA_BLOCK_SIZE = 64 * 1024 };

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t size;
    size_t used;
    alignas(max_align_t) unsigned char bytes[];
} ArenaBlock;

struct ContentArena {
    ArenaBlock *blocks;
    size_t used;
};

ContentArena *arena_create(void)
{
    return calloc(1, sizeof(ContentArena));
}

void arena_destroy(ContentArena *arena)
{
    if (!arena) {
        return;
    }
    ArenaBlock *block = arena->blocks;
    while (block) {
        ArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    free(arena);
}

void *arena_alloc(ContentArena *arena, size_t size)
{
    size_t align = alignof(max_align_t);
    size_t rounded = (size + align - 1) / align * align;
    if (rounded < size) {
        return NULL;
    }
    ArenaBlock *block = arena->blocks;
    if (!block || block->size - block->used < rounded) {
        /* Large requests (images) get a block of their own. */
        size_t capacity = rounded > ARENA_BLOCK_SIZE / 4 ? rounded : ARENA_BLOCK_SIZE;
        ArenaBlock *fresh = malloc(sizeof(ArenaBlock) + capacity);
        if (!fresh) {
            return NULL;
        }
        fresh->size = capacity;
        fresh->used = 0;
        if (block && capacity != ARENA_BLOCK_SIZE) {
            /* Keep the current small block first so its free space is still used. */
            fresh->next = block->next;
            block->next = fresh;
        } else {
            fresh->next = block;
            arena->blocks = fresh;
        }
        block = fresh;
    }
    void *memory = block->bytes + block->used;
    block->used += rounded;
    arena->used += size;
    memset(memory, 0, size);
    return memory;
}

char *arena_copy(ContentArena *arena, const void *bytes, size_t size)
{
    char *copy = arena_alloc(arena, size + 1);
    if (copy && size) {
        memcpy(copy, bytes, size);
    }
    return copy;
}

size_t arena_used(const ContentArena *arena)
{
    return arena ? arena->used : 0;
}
