/*
 * admin_polls.c - GET /api/v1/admin/polls/ID/results: what residents
 * answered to a 征询 / 问需求计 poll, counted per option of each question
 * (docs/protocol.md, "Admin API").
 */
#include "admin.h"

#include "db.h"

#include <stdlib.h>
#include <string.h>

/* Adds one to the count of (question, option) in the poll's tree. */
static void count(json_t *poll, const char *question, const char *option)
{
    size_t i, k;
    json_t *q, *o;
    json_array_foreach(json_object_get(poll, "questions"), i, q)
    {
        if (strcmp(json_string_value(json_object_get(q, "id")), question))
            continue;
        json_array_foreach(json_object_get(q, "options"), k, o)
        {
            if (strcmp(json_string_value(json_object_get(o, "id")), option))
                continue;
            json_int_t n = json_integer_value(json_object_get(o, "count"));
            json_object_set_new(o, "count", json_integer(n + 1));
        }
    }
}

void admin_poll_results(struct admin *a, const char *id)
{
    char *text =
        admin_row_json(a->db, "SELECT json FROM polls WHERE id = ?", id);
    json_t *poll = text ? json_loads(text, 0, NULL) : NULL;
    free(text);
    if (!poll) {
        http_error(a->r, 404, "no poll \"%s\"", id);
        return;
    }
    /* every option starts at zero, so unchosen ones show */
    size_t i, k;
    json_t *q, *o;
    json_array_foreach(json_object_get(poll, "questions"), i, q)
        json_array_foreach(json_object_get(q, "options"), k, o)
            json_object_set_new(o, "count", json_integer(0));
    sqlite3_stmt *s = db_prepare(a->db, "SELECT answers FROM poll_answers"
                                        " WHERE poll = ?");
    if (!s) {
        json_decref(poll);
        admin_db_error(a);
        return;
    }
    db_bind_text(s, 1, id);
    json_int_t respondents = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        json_t *answers = json_loads(db_col_text(s, 0), 0, NULL), *ans;
        respondents++;
        json_array_foreach(answers, i, ans)
        {
            const char *qid =
                json_string_value(json_object_get(ans, "question"));
            const char *oid = json_string_value(json_object_get(ans, "option"));
            if (qid && oid)
                count(poll, qid, oid);
        }
        json_decref(answers);
    }
    sqlite3_finalize(s);
    http_reply_json(a->r, 200,
                    json_pack("{s:s, s:O, s:I, s:O}", "poll", id, "title",
                              json_object_get(poll, "title"), "respondents",
                              respondents, "questions",
                              json_object_get(poll, "questions")));
    json_decref(poll);
}
