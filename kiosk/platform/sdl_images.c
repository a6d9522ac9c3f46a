/*
 * sdl_images.c - PNG images with a bounded texture cache (sdl_images.h).
 */
#include "sdl_images.h"

#include "err.h"
#include "xalloc.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct image_slot {
    char name[40];
    SDL_Texture *tex; /* NULL with name set: missing, do not retry */
    int w, h;
    unsigned long used;
};

struct sdl_images {
    char *dir;
    SDL_Renderer *owner;
    struct image_slot slots[SDL_IMAGES_MAX];
    unsigned long tick;
};

struct sdl_images *sdl_images_new(const char *dir)
{
    struct sdl_images *im = xcalloc(1, sizeof(*im));
    im->dir = xstrdup(dir);
    return im;
}

void sdl_images_release_textures(struct sdl_images *im)
{
    for (int i = 0; i < SDL_IMAGES_MAX; i++) {
        if (im->slots[i].tex)
            SDL_DestroyTexture(im->slots[i].tex);
        memset(&im->slots[i], 0, sizeof(im->slots[i]));
    }
    im->owner = NULL;
}

void sdl_images_free(struct sdl_images *im)
{
    if (!im)
        return;
    /* the textures go with their renderer, as in sdl_text_close() */
    free(im->dir);
    free(im);
}

/* The slot of name, loading it on first use; NULL only if name is too
 * long. */
static struct image_slot *slot_get(struct sdl_images *im, SDL_Renderer *r,
                                   const char *name)
{
    if (im->owner != r) {
        if (im->owner)
            sdl_images_release_textures(im);
        im->owner = r;
    }
    if (strlen(name) >= sizeof(im->slots[0].name))
        return NULL;
    struct image_slot *victim = &im->slots[0];
    for (int i = 0; i < SDL_IMAGES_MAX; i++) {
        struct image_slot *s = &im->slots[i];
        if (s->name[0] && strcmp(s->name, name) == 0) {
            s->used = ++im->tick;
            return s;
        }
        if (!s->name[0] || (victim->name[0] && s->used < victim->used))
            victim = s;
    }
    if (victim->tex)
        SDL_DestroyTexture(victim->tex);
    memset(victim, 0, sizeof(*victim));
    snprintf(victim->name, sizeof(victim->name), "%s", name);
    victim->used = ++im->tick;
    char path[4096];
    snprintf(path, sizeof(path), "%s/%s.png", im->dir, name);
    SDL_Surface *sf = IMG_Load(path);
    if (!sf || sf->w > SDL_IMAGES_MAX_PX || sf->h > SDL_IMAGES_MAX_PX) {
        SDL_Log("cannot load image %s: %s", path,
                sf ? "too large" : IMG_GetError());
    } else {
        victim->tex = SDL_CreateTextureFromSurface(r, sf);
        victim->w = sf->w;
        victim->h = sf->h;
    }
    if (sf)
        SDL_FreeSurface(sf);
    return victim;
}

static int draw_image(void *ctx, SDL_Renderer *r, const struct draw_cmd *c)
{
    struct image_slot *s = slot_get(ctx, r, c->u.image.name);
    if (!s || !s->tex || s->w <= 0 || s->h <= 0)
        return 0;
    /* fit, keeping the aspect, centred */
    int w = c->rect.w, h = (int)((long)s->h * w / s->w);
    if (h > c->rect.h) {
        h = c->rect.h;
        w = (int)((long)s->w * h / s->h);
    }
    SDL_Rect dst = {c->rect.x + (c->rect.w - w) / 2,
                    c->rect.y + (c->rect.h - h) / 2, w, h};
    return SDL_RenderCopy(r, s->tex, NULL, &dst) == 0 ? 0 : ERR_IO;
}

void sdl_images_attach(struct sdl_images *im, struct text_renderer *tr)
{
    tr->image = draw_image;
    tr->image_ctx = im;
}

int sdl_images_count(const struct sdl_images *im)
{
    int n = 0;
    for (int i = 0; i < SDL_IMAGES_MAX; i++)
        n += im->slots[i].tex != NULL;
    return n;
}
