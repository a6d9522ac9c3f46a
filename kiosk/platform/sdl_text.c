/*
 * sdl_text.c - SDL_ttf fonts, metrics and cached text textures
 * (sdl_text.h).
 *
 * Both caches are fixed arrays searched linearly: 24 fonts and 256
 * textures cost less to scan than a frame's worth of blits, and they
 * never allocate once warm. Least recently used means the lowest tick.
 */
#include "sdl_text.h"

#include "err.h"
#include "xalloc.h"

#include <SDL_ttf.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTO_DIR "/usr/share/fonts/opentype/noto/"
#define ICON_DIR "/usr/share/fonts/truetype/material-design-icons-iconfont/"

#define PX_MAX        1024 /* larger sizes are refused, not opened */
#define GLYPHS        4096 /* cached glyph metrics, a power of two */

enum face {
    FACE_REGULAR,
    FACE_BOLD,
    FACE_ICON,
    FACE_COUNT,
};

/* Where a face comes from; path NULL when there is none. */
struct face_src {
    char *path;
    int index; /* face within a .ttc */
    int style; /* TTF_STYLE_BOLD for a synthetic bold */
};

/* One TTF_Font per face, switched between sizes: each open of the CJK
 * face costs about 2.8 MB in FreeType, so a font per size would cost more
 * than the rest of the kiosk together (DESIGN §8: 48 MiB). */
struct font_slot {
    TTF_Font *font; /* NULL: not opened yet */
    int px;         /* the size it is set to */
};

/* Metrics of one glyph at one size; key 0 is an empty entry. Runs are
 * measured as the sum of advances (the fonts carry no kern table SDL_ttf
 * would apply), so wrapping a line costs lookups, not glyph loads. */
struct glyph_entry {
    uint64_t key;
    int16_t advance, miny, maxy;
};

/* A rendered run. The key is (face, px, rgb, bytes); hash speeds the
 * scan and the bytes are compared exactly. Icons key on the codepoint's
 * four bytes. */
struct tex_slot {
    SDL_Texture *tex; /* NULL: free */
    uint32_t hash;
    char *key;
    size_t key_len;
    enum face face;
    int px;
    uint8_t r, g, b;
    int w, h;
    unsigned long used;
};

struct sdl_text {
    struct face_src faces[FACE_COUNT];
    struct font_slot fonts[FACE_COUNT];
    struct glyph_entry glyphs[GLYPHS];
    struct tex_slot tex[SDL_TEXT_TEXTURES_MAX];
    SDL_Renderer *owner; /* the renderer the textures belong to */
    int tex_count;
    size_t tex_bytes;
    unsigned long tick;
    unsigned long hits, misses, font_opens;
};

struct sdl_text_paths sdl_text_default_paths(void)
{
    const char *env = getenv("LINLI_FONT");
    struct sdl_text_paths p = {
        .env_font = env && env[0] ? env : NULL,
        .noto_regular = NOTO_DIR "NotoSansCJK-Regular.ttc",
        .noto_bold = NOTO_DIR "NotoSansCJK-Bold.ttc",
        .wqy = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
        .icons = ICON_DIR "MaterialIcons-Regular.ttf",
    };
    return p;
}

/* Sets *dst to (path, index) if that face opens. */
static bool face_try(struct face_src *dst, const char *path, int index,
                     int style)
{
    if (!path)
        return false;
    TTF_Font *f = TTF_OpenFontIndex(path, 16, index);
    if (!f)
        return false;
    TTF_CloseFont(f);
    dst->path = xstrdup(path);
    dst->index = index;
    dst->style = style;
    return true;
}

/* Bold from bold_path's face index, else the regular face made bold by
 * SDL_ttf. */
static void face_bold(struct sdl_text *t, const char *bold_path, int index)
{
    const struct face_src *reg = &t->faces[FACE_REGULAR];
    if (!face_try(&t->faces[FACE_BOLD], bold_path, index, TTF_STYLE_NORMAL))
        face_try(&t->faces[FACE_BOLD], reg->path, reg->index, TTF_STYLE_BOLD);
}

/* The text fonts in the order of fonts/README.md; false if none opens. */
static bool faces_pick(struct sdl_text *t, const struct sdl_text_paths *p)
{
    struct face_src *reg = &t->faces[FACE_REGULAR];
    if (face_try(reg, p->env_font, 0, TTF_STYLE_NORMAL)) {
        face_bold(t, NULL, 0);
        return true;
    }
    if (p->env_font)
        SDL_Log("cannot open LINLI_FONT %s: %s; trying the next font",
                p->env_font, TTF_GetError());
    static const int noto_faces[] = {2, 0}; /* SC, then the JP-first set */
    for (size_t i = 0; i < 2; i++) {
        if (face_try(reg, p->noto_regular, noto_faces[i], TTF_STYLE_NORMAL)) {
            face_bold(t, p->noto_bold, noto_faces[i]);
            return true;
        }
    }
    if (face_try(reg, p->wqy, 0, TTF_STYLE_NORMAL)) {
        face_bold(t, NULL, 0);
        return true;
    }
    return false;
}

static void faces_release(struct sdl_text *t)
{
    for (int i = 0; i < FACE_COUNT; i++) {
        free(t->faces[i].path);
        t->faces[i].path = NULL;
    }
}

int sdl_text_open_paths(const struct sdl_text_paths *p, struct sdl_text **out,
                        char *errbuf, size_t errlen)
{
    if (TTF_Init() < 0) {
        if (errbuf)
            snprintf(errbuf, errlen, "cannot start SDL_ttf: %s",
                     TTF_GetError());
        return ERR_IO;
    }
    struct sdl_text *t = xcalloc(1, sizeof(*t));
    if (!faces_pick(t, p)) {
        if (errbuf)
            snprintf(errbuf, errlen,
                     "no font for text: install fonts-noto-cjk "
                     "(or set LINLI_FONT to a font file)");
        faces_release(t);
        free(t);
        TTF_Quit();
        return ERR_NOT_FOUND;
    }
    const struct face_src *reg = &t->faces[FACE_REGULAR];
    const struct face_src *bold = &t->faces[FACE_BOLD];
    SDL_Log("text font %s (face %d), bold %s%s", reg->path, reg->index,
            bold->path, bold->style == TTF_STYLE_BOLD ? " (synthetic)" : "");
    if (!face_try(&t->faces[FACE_ICON], p->icons, 0, TTF_STYLE_NORMAL))
        SDL_Log("cannot open icon font %s: icons are not drawn "
                "(install fonts-material-design-icons-iconfont)",
                p->icons ? p->icons : "(none)");
    *out = t;
    return 0;
}

int sdl_text_open(struct sdl_text **out, char *errbuf, size_t errlen)
{
    struct sdl_text_paths p = sdl_text_default_paths();
    return sdl_text_open_paths(&p, out, errbuf, errlen);
}

void sdl_text_close(struct sdl_text *t)
{
    if (!t)
        return;
    /* Not SDL_DestroyTexture: the renderer may be gone already, and if it
     * is not, it frees them when it goes. */
    for (int i = 0; i < SDL_TEXT_TEXTURES_MAX; i++)
        free(t->tex[i].key);
    for (int i = 0; i < FACE_COUNT; i++)
        if (t->fonts[i].font)
            TTF_CloseFont(t->fonts[i].font);
    faces_release(t);
    free(t);
    TTF_Quit();
}

const char *sdl_text_font_path(const struct sdl_text *t)
{
    return t->faces[FACE_REGULAR].path;
}

int sdl_text_font_index(const struct sdl_text *t)
{
    return t->faces[FACE_REGULAR].index;
}

bool sdl_text_has_icons(const struct sdl_text *t)
{
    return t->faces[FACE_ICON].path != NULL;
}

/* The font of face set to px, opened on first use; NULL if the face is
 * missing, px is out of range or the open fails. */
static TTF_Font *font_get(struct sdl_text *t, enum face face, int px)
{
    const struct face_src *src = &t->faces[face];
    struct font_slot *slot = &t->fonts[face];
    if (!src->path || px < 1 || px > PX_MAX)
        return NULL;
    if (!slot->font) {
        t->font_opens++;
        slot->font = TTF_OpenFontIndex(src->path, px, src->index);
        if (!slot->font)
            return NULL;
        if (src->style != TTF_STYLE_NORMAL)
            TTF_SetFontStyle(slot->font, src->style);
        slot->px = px;
    } else if (slot->px != px) {
        if (TTF_SetFontSize(slot->font, px) != 0)
            return NULL;
        slot->px = px;
    }
    return slot->font;
}

/* The metrics of cp in face at px, from the cache or the font; NULL if
 * the font has no such glyph. */
static const struct glyph_entry *glyph_get(struct sdl_text *t, enum face face,
                                           int px, uint32_t cp)
{
    if (px < 1 || px > PX_MAX)
        return NULL;
    uint64_t key = 1ull << 63 | (uint64_t)face << 48 | (uint64_t)px << 32 |
                   cp;
    uint32_t h = (uint32_t)(key * 0x9E3779B97F4A7C15ull >> 40) & (GLYPHS - 1);
    struct glyph_entry *e = &t->glyphs[h];
    if (e->key == key)
        return e;
    TTF_Font *f = font_get(t, face, px);
    int minx, maxx, miny, maxy, adv;
    if (!f || TTF_GlyphMetrics32(f, cp, &minx, &maxx, &miny, &maxy, &adv) < 0)
        return NULL;
    *e = (struct glyph_entry){key, (int16_t)adv, (int16_t)miny,
                              (int16_t)maxy};
    return e;
}

static enum face weight_face(enum font_weight w)
{
    return w == FONT_BOLD ? FACE_BOLD : FACE_REGULAR;
}

/* The code point at s[*pos] (n bytes in all), advancing *pos; malformed
 * bytes advance by one and read as U+FFFD. */
static uint32_t utf8_decode(const char *s, size_t n, size_t *pos)
{
    const unsigned char *u = (const unsigned char *)s + *pos;
    size_t left = n - *pos, need;
    uint32_t cp;
    if (u[0] < 0x80) {
        *pos += 1;
        return u[0];
    } else if ((u[0] & 0xE0) == 0xC0) {
        need = 1, cp = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        need = 2, cp = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        need = 3, cp = u[0] & 0x07;
    } else {
        *pos += 1;
        return 0xFFFD;
    }
    if (need >= left) {
        *pos += 1;
        return 0xFFFD;
    }
    for (size_t k = 1; k <= need; k++) {
        if ((u[k] & 0xC0) != 0x80) {
            *pos += 1;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[k] & 0x3F);
    }
    *pos += need + 1;
    return cp;
}

static bool is_blank(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 ||
           cp == 0x3000;
}

static int metrics_width(void *ctx, const char *s, size_t len, int px,
                         enum font_weight w)
{
    int total = 0;
    for (size_t pos = 0; pos < len;) {
        const struct glyph_entry *g =
            glyph_get(ctx, weight_face(w), px, utf8_decode(s, len, &pos));
        total += g ? g->advance : 0;
    }
    return total;
}

static int metrics_ink_height(void *ctx, const char *s, size_t len, int px,
                              enum font_weight w)
{
    int top = 0, bottom = 0;
    bool inked = false;
    for (size_t pos = 0; pos < len;) {
        uint32_t cp = utf8_decode(s, len, &pos);
        const struct glyph_entry *g = is_blank(cp) ? NULL
                                      : glyph_get(ctx, weight_face(w), px, cp);
        if (!g || g->maxy <= g->miny)
            continue; /* blank, missing, or no outline: nothing drawn */
        if (!inked || g->maxy > top)
            top = g->maxy;
        if (!inked || g->miny < bottom)
            bottom = g->miny;
        inked = true;
    }
    return inked ? top - bottom : 0;
}

struct text_metrics sdl_text_metrics(struct sdl_text *t)
{
    struct text_metrics tm = {t, metrics_width, metrics_ink_height};
    return tm;
}

/*
 * The texture cache.
 */

struct tex_key {
    const char *bytes;
    size_t len;
    enum face face;
    int px;
    struct rgba color; /* alpha is not part of the key */
};

/* FNV-1a over the bytes, then the rest of the key. */
static uint32_t key_hash(const struct tex_key *k)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < k->len; i++)
        h = (h ^ (unsigned char)k->bytes[i]) * 16777619u;
    uint32_t extra[] = {(uint32_t)k->face, (uint32_t)k->px, k->color.r,
                        k->color.g, k->color.b};
    for (size_t i = 0; i < sizeof(extra) / sizeof(extra[0]); i++)
        h = (h ^ extra[i]) * 16777619u;
    return h;
}

static bool key_match(const struct tex_slot *s, const struct tex_key *k,
                      uint32_t hash)
{
    return s->tex && s->hash == hash && s->face == k->face && s->px == k->px &&
           s->r == k->color.r && s->g == k->color.g && s->b == k->color.b &&
           s->key_len == k->len && memcmp(s->key, k->bytes, k->len) == 0;
}

static void slot_release(struct sdl_text *t, struct tex_slot *s)
{
    SDL_DestroyTexture(s->tex);
    free(s->key);
    t->tex_count--;
    t->tex_bytes -= (size_t)s->w * (size_t)s->h * 4;
    memset(s, 0, sizeof(*s));
}

void sdl_text_release_textures(struct sdl_text *t)
{
    for (int i = 0; i < SDL_TEXT_TEXTURES_MAX; i++)
        if (t->tex[i].tex)
            slot_release(t, &t->tex[i]);
    t->owner = NULL;
}

static struct tex_slot *tex_lru(struct sdl_text *t)
{
    struct tex_slot *old = NULL;
    for (int i = 0; i < SDL_TEXT_TEXTURES_MAX; i++)
        if (t->tex[i].tex && (!old || t->tex[i].used < old->used))
            old = &t->tex[i];
    return old;
}

/* A free slot after evicting until bytes more fit under both caps. */
static struct tex_slot *tex_make_room(struct sdl_text *t, size_t bytes)
{
    while (t->tex_count >= SDL_TEXT_TEXTURES_MAX ||
           t->tex_bytes + bytes > SDL_TEXT_TEXTURE_BYTES)
        slot_release(t, tex_lru(t));
    for (int i = 0; i < SDL_TEXT_TEXTURES_MAX; i++)
        if (!t->tex[i].tex)
            return &t->tex[i];
    return NULL; /* unreachable: the count is below the cap */
}

/* What a miss renders: a run of text, or one icon glyph. */
static SDL_Surface *surface_render(TTF_Font *f, const struct tex_key *k,
                                   uint32_t codepoint)
{
    SDL_Color c = {k->color.r, k->color.g, k->color.b, 255};
    if (k->face == FACE_ICON)
        return TTF_RenderGlyph32_Blended(f, codepoint, c);
    return TTF_RenderUTF8_Blended(f, k->bytes, c);
}

/*
 * Draws the texture for k (text: k->bytes is NUL-terminated; icon:
 * codepoint) with its w x h box placed in box by halign and valign.
 * Renders and caches it on a miss. A texture too big to cache is drawn
 * and destroyed at once.
 */
static int tex_draw(struct sdl_text *t, SDL_Renderer *r,
                    const struct tex_key *k, uint32_t codepoint, uint8_t alpha,
                    struct rect box, enum align halign, enum align valign)
{
    if (r != t->owner) {
        sdl_text_release_textures(t);
        t->owner = r;
    }
    uint32_t hash = key_hash(k);
    struct tex_slot *hit = NULL;
    for (int i = 0; i < SDL_TEXT_TEXTURES_MAX && !hit; i++)
        if (key_match(&t->tex[i], k, hash))
            hit = &t->tex[i];

    struct tex_slot tmp = {0};
    if (hit) {
        t->hits++;
    } else {
        t->misses++;
        TTF_Font *f = font_get(t, k->face, k->px);
        if (!f)
            return k->px < 1 || k->px > PX_MAX ? 0 : ERR_IO;
        if (k->face == FACE_ICON && !TTF_GlyphIsProvided32(f, codepoint))
            return 0;
        SDL_Surface *surf = surface_render(f, k, codepoint);
        if (!surf)
            return ERR_IO;
        tmp.tex = SDL_CreateTextureFromSurface(r, surf);
        tmp.w = surf->w;
        tmp.h = surf->h;
        SDL_FreeSurface(surf);
        if (!tmp.tex)
            return ERR_IO;
        SDL_SetTextureBlendMode(tmp.tex, SDL_BLENDMODE_BLEND);
        size_t bytes = (size_t)tmp.w * (size_t)tmp.h * 4;
        if (bytes <= SDL_TEXT_TEXTURE_BYTES) {
            hit = tex_make_room(t, bytes);
            *hit = tmp;
            hit->hash = hash;
            hit->key = xmalloc(k->len ? k->len : 1);
            memcpy(hit->key, k->bytes, k->len);
            hit->key_len = k->len;
            hit->face = k->face;
            hit->px = k->px;
            hit->r = k->color.r;
            hit->g = k->color.g;
            hit->b = k->color.b;
            t->tex_count++;
            t->tex_bytes += bytes;
        }
    }
    struct tex_slot *s = hit ? hit : &tmp;
    s->used = ++t->tick;

    int x = halign == ALIGN_START    ? box.x
            : halign == ALIGN_CENTER ? box.x + (box.w - s->w) / 2
                                     : box.x + box.w - s->w;
    int y = valign == ALIGN_START    ? box.y
            : valign == ALIGN_CENTER ? box.y + (box.h - s->h) / 2
                                     : box.y + box.h - s->h;
    SDL_Rect dst = {x, y, s->w, s->h};
    int rc = 0;
    if (SDL_SetTextureAlphaMod(s->tex, alpha) < 0 ||
        SDL_RenderCopy(r, s->tex, NULL, &dst) < 0)
        rc = ERR_IO;
    if (!hit)
        SDL_DestroyTexture(tmp.tex);
    return rc;
}

static int render_text(void *ctx, SDL_Renderer *r, const struct draw_cmd *c)
{
    const struct text_style *st = &c->u.text.style;
    if (c->u.text.len == 0 || !c->u.text.str)
        return 0;
    struct tex_key k = {c->u.text.str, c->u.text.len, weight_face(st->weight),
                        st->px, c->color};
    return tex_draw(ctx, r, &k, 0, c->color.a, c->rect, st->halign, st->valign);
}

static int render_icon(void *ctx, SDL_Renderer *r, const struct draw_cmd *c)
{
    struct sdl_text *t = ctx;
    if (!sdl_text_has_icons(t))
        return 0;
    uint32_t cp = c->u.icon.codepoint;
    char bytes[4] = {(char)(cp >> 24), (char)(cp >> 16), (char)(cp >> 8),
                     (char)cp};
    struct tex_key k = {bytes, sizeof(bytes), FACE_ICON, c->u.icon.px,
                        c->color};
    return tex_draw(t, r, &k, cp, c->color.a, c->rect, ALIGN_CENTER,
                    ALIGN_CENTER);
}

struct text_renderer sdl_text_renderer(struct sdl_text *t)
{
    struct text_renderer tr = {t, render_text, render_icon, NULL, NULL};
    return tr;
}

struct sdl_text_stats sdl_text_stats(const struct sdl_text *t)
{
    struct sdl_text_stats st = {0};
    for (int i = 0; i < FACE_COUNT; i++)
        st.fonts += t->fonts[i].font != NULL;
    st.textures = t->tex_count;
    st.texture_bytes = t->tex_bytes;
    st.hits = t->hits;
    st.misses = t->misses;
    st.font_opens = t->font_opens;
    return st;
}
