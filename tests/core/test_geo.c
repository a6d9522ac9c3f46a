/*
 * test_geo.c - geo.h: haversine distances against known values, walking
 * minutes with the default model, and the 5/10/15 ring boundaries the
 * UI's walking filter relies on.
 */
#include "testutil.h"

#include "geo.h"

#include <math.h>

#define PI 3.14159265358979323846
#define EARTH_R 6371008.8 /* the mean radius geo.c uses */

/* Asserts |got - want| <= tol. */
static void assert_near(double got, double want, double tol)
{
    if (fabs(got - want) > tol)
        fail_msg("got %.6f, want %.6f +- %.6f", got, want, tol);
}

static void test_one_degree_latitude(void **state)
{
    (void)state;
    /* 2 pi R / 360 with R = 6371008.8 m: 111195.08 m */
    double want = 2.0 * PI * EARTH_R / 360.0;
    assert_near(want, 111195.08, 0.01);
    assert_near(geo_distance_m(0, 0, 1, 0), want, 0.01);
    assert_near(geo_distance_m(31, 121.5, 32, 121.5), want, 0.01);
    assert_near(geo_distance_m(-45, 10, -44, 10), want, 0.01);
    /* one degree of longitude on the equator is the same arc */
    assert_near(geo_distance_m(0, 0, 0, 1), want, 0.01);
    /* and shrinks with cos(latitude) elsewhere (to first order) */
    assert_near(geo_distance_m(60, 0, 60, 1), want * 0.5, want * 0.001);
}

static void test_zero_and_symmetry(void **state)
{
    (void)state;
    assert_true(geo_distance_m(31.2304, 121.4737, 31.2304, 121.4737) == 0.0);
    assert_true(geo_distance_m(0, 0, 0, 0) == 0.0);

    double ab = geo_distance_m(31.2446, 121.4094, 31.2501, 121.4170);
    double ba = geo_distance_m(31.2501, 121.4170, 31.2446, 121.4094);
    assert_true(ab > 0);
    assert_near(ab, ba, 1e-6);

    /* antipodes: half the circumference, no NaN from rounding */
    double half = PI * EARTH_R;
    assert_near(geo_distance_m(0, 0, 0, 180), half, 0.01);
    assert_near(geo_distance_m(90, 0, -90, 0), half, 0.01);
    assert_near(geo_distance_m(31.2304, 121.4737, -31.2304, -58.5263), half,
                1.0);
}

static void test_shanghai_pair(void **state)
{
    (void)state;
    /* People's Square to the Bund: about 1.9 km as the crow flies */
    double d = geo_distance_m(31.2304, 121.4737, 31.2400, 121.4900);
    assert_true(d > 1900.0 * 0.97 && d < 1900.0 * 1.03);
}

static void test_walk_minutes(void **state)
{
    (void)state;
    struct walk_model w = { GEO_WALK_SPEED_DEFAULT, GEO_DETOUR_DEFAULT };
    assert_near(GEO_WALK_SPEED_DEFAULT, 66.7, 1e-12);
    assert_near(GEO_DETOUR_DEFAULT, 1.3, 1e-12);

    /* a point 1000 m north: 1000 x 1.3 / 66.7 = 19.49 minutes */
    double dlat = 1000.0 / (2.0 * PI * EARTH_R / 360.0);
    double m = geo_walk_minutes(&w, 31.0, 121.0, 31.0 + dlat, 121.0);
    assert_near(m, 1000.0 * 1.3 / 66.7, 1e-6);
    assert_near(m, 19.49, 0.005);

    assert_true(geo_walk_minutes(&w, 31.0, 121.0, 31.0, 121.0) == 0.0);

    /* the model's parameters scale linearly */
    struct walk_model straight = { 100.0, 1.0 };
    assert_near(geo_walk_minutes(&straight, 31.0, 121.0, 31.0 + dlat, 121.0),
                10.0, 1e-6);
    struct walk_model slow = { 50.0, 1.2 };
    assert_near(geo_walk_minutes(&slow, 31.0, 121.0, 31.0 + dlat, 121.0),
                24.0, 1e-6);
}

static void test_ring_boundaries(void **state)
{
    (void)state;
    assert_int_equal(geo_ring(0.0), 5);
    assert_int_equal(geo_ring(2.5), 5);
    assert_int_equal(geo_ring(5.0), 5);
    assert_int_equal(geo_ring(5.01), 10);
    assert_int_equal(geo_ring(10.0), 10);
    assert_int_equal(geo_ring(10.01), 15);
    assert_int_equal(geo_ring(15.0), 15);
    assert_int_equal(geo_ring(15.01), 0);
    assert_int_equal(geo_ring(120.0), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_degree_latitude),
        cmocka_unit_test(test_zero_and_symmetry),
        cmocka_unit_test(test_shanghai_pair),
        cmocka_unit_test(test_walk_minutes),
        cmocka_unit_test(test_ring_boundaries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
