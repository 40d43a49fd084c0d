/* arena.h — one owner for all the memory of a loaded Content: a list of blocks freed
 * together. Internal to src/content/. */
#ifndef FACTS_CONTENT_ARENA_H
#define FACTS_CONTENT_ARENA_H

#include <stddef.h>

typedef struct ContentArena ContentArena;

/* A new empty arena, or NULL when out of memory. */
ContentArena *arena_create(void);

/* Frees the arena and every allocation made from it. NULL is a no-op. */
void arena_destroy(ContentArena *arena);

/* size zeroed bytes aligned for any type, or NULL when out of memory. */
void *arena_alloc(ContentArena *arena, size_t size);

/* A copy of bytes[0..size) followed by a NUL, or NULL when out of memory. */
char *arena_copy(ContentArena *arena, const void *bytes, size_t size);

/* Bytes handed out so far (for benchmarks). */
size_t arena_used(const ContentArena *arena);

#endif
