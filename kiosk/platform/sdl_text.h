/*
 * sdl_text.h - fonts through SDL_ttf: text metrics for the ui, and text and
 * icon drawing for sdl_render.h.
 *
 * Fonts are found along the fallback chain of fonts/README.md. Sizes open
 * lazily into a bounded LRU of TTF_Font; rendered runs are kept as
 * textures in a bounded LRU, so a steady frame neither opens nor renders.
 */
#ifndef LINLI_SDL_TEXT_H
#define LINLI_SDL_TEXT_H

#include "sdl_render.h"
#include "text.h"

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>

struct sdl_text;

/* Bounds of the caches. */
#define SDL_TEXT_TEXTURES_MAX  256                /* cached rendered runs */
#define SDL_TEXT_TEXTURE_BYTES (16 * 1024 * 1024) /* their pixels, 4 B each */

/* Where sdl_text_open_paths() looks, in the order of fonts/README.md.
 * Any field may be NULL (that step is skipped). */
struct sdl_text_paths {
    const char *env_font;     /* $LINLI_FONT: a file, face 0, tried first */
    const char *noto_regular; /* NotoSansCJK-Regular.ttc: face 2 (SC), 0 */
    const char *noto_bold;    /* NotoSansCJK-Bold.ttc, same faces */
    const char *wqy;          /* wqy-microhei.ttc, face 0 */
    const char *icons;        /* MaterialIcons-Regular.ttf */
};

/* The Debian paths of fonts/README.md, with env_font from $LINLI_FONT
 * (NULL when unset or empty). */
struct sdl_text_paths sdl_text_default_paths(void);

/*
 * Calls TTF_Init() and picks the text font along the chain in p: the first
 * file and face that opens wins, and is logged (SDL_Log). Bold comes from
 * the matching face of noto_bold, or else is the chosen face with SDL_ttf's
 * synthetic bold. A missing icon font is logged once and is not an error:
 * icons are then skipped. Needs no video subsystem.
 *
 * Returns 0 and *out, or ERR_NOT_FOUND when no text font opens (errbuf, if
 * not NULL, then names the package to install, fonts-noto-cjk) or ERR_IO
 * when SDL_ttf cannot start (errbuf says why).
 */
int sdl_text_open_paths(const struct sdl_text_paths *p, struct sdl_text **out,
                        char *errbuf, size_t errlen);

/* sdl_text_open_paths() with sdl_text_default_paths(). */
int sdl_text_open(struct sdl_text **out, char *errbuf, size_t errlen);

/* Closes the fonts and calls TTF_Quit(). Cached textures are forgotten,
 * not destroyed: their renderer frees them when it is destroyed, so t may
 * be closed before or after that renderer. NULL is a no-op. */
void sdl_text_close(struct sdl_text *t);

/* The text font chosen at open ("path" and its face index), for logs. */
const char *sdl_text_font_path(const struct sdl_text *t);
int sdl_text_font_index(const struct sdl_text *t);
/* False when the icon font was not found and icons are skipped. */
bool sdl_text_has_icons(const struct sdl_text *t);

/*
 * The metrics seam of text.h backed by t (which must outlive it). width is
 * TTF_SizeUTF8's width of the run, measured from a stack copy in chunks
 * when it is long; ink_height spans the glyphs' outlines as SDL_ttf sets
 * them, ignoring spaces. Both return 0 when the size cannot be opened.
 * They open a size on first use and do not allocate after that.
 */
struct text_metrics sdl_text_metrics(struct sdl_text *t);

/*
 * The text_renderer of sdl_render.h backed by t (which must outlive it).
 * DRAW_TEXT: the run in its style's colour, placed in cmd->rect by halign
 * and by valign on the font's line box (TTF_FontHeight). DRAW_ICON: the
 * Material Icons glyph at u.icon.px centred in cmd->rect; nothing when
 * there is no icon font or the font lacks the glyph. Empty runs draw
 * nothing. Alpha below 255 is applied when the texture is drawn.
 *
 * Textures are cached per (text, face, px, colour) up to
 * SDL_TEXT_TEXTURES_MAX entries and SDL_TEXT_TEXTURE_BYTES, least recently
 * used first out; a run bigger than the byte cap is drawn uncached.
 *
 * The cache belongs to one renderer at a time. A call with another
 * renderer first destroys the previous one's textures, so that renderer
 * must still exist, and a new renderer may take a destroyed one's address:
 * whoever destroys a renderer t has drawn with, while t goes on drawing,
 * must call sdl_text_release_textures() first. Errors: ERR_IO
 * (SDL_GetError() says why).
 */
struct text_renderer sdl_text_renderer(struct sdl_text *t);

/* Destroys every cached texture; the renderer they were made with must
 * still exist. Call it before destroying that renderer (SDL_DestroyRenderer,
 * sdl_shot_close) if t draws again afterwards. */
void sdl_text_release_textures(struct sdl_text *t);

/* Cache sizes, for tests and benchmarks. */
struct sdl_text_stats {
    int fonts;                  /* open TTF_Fonts: one per face, <= 3 */
    int textures;               /* cached textures, <= SDL_TEXT_TEXTURES_MAX */
    size_t texture_bytes;       /* their pixels, <= SDL_TEXT_TEXTURE_BYTES */
    unsigned long hits, misses; /* texture lookups since open */
    unsigned long font_opens;   /* TTF_OpenFontIndex calls since open */
};

struct sdl_text_stats sdl_text_stats(const struct sdl_text *t);

#endif
