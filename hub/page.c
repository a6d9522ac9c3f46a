/*
 * page.c - GET /admin: the staff page (hub/admin.html, compiled in by
 * embed.cmake). It needs no token to load; it asks for the staff token
 * and sends it with every API call.
 */
#include "hub_internal.h"

extern const unsigned char admin_page[];
extern const size_t admin_page_len;

void page_admin(struct http_req *r)
{
    http_reply(r, 200, "text/html; charset=utf-8", admin_page, admin_page_len,
               NULL);
}
