/* test_sha256.c: engine/sha256.c against the NIST examples of FIPS 180-4
 * (SHA256.pdf, the short and the long message), the million 'a', and
 * any split of the input across updates giving the same digest. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "internal.h"

static void digest_of(const void *data, size_t n, char hex[65])
{
    sk_sha256 c;
    unsigned char d[32];
    sk_sha256_init(&c);
    sk_sha256_update(&c, data, n);
    sk_sha256_final(&c, d);
    sk_sha256_hex(d, hex);
}

static void nist_vectors(void **state)
{
    (void)state;
    static const struct {
        const char *in, *out;
    } V[] = {
        {"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
        {"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
        {"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
        {"abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"},
    };
    char hex[65];
    for (size_t i = 0; i < sizeof V / sizeof *V; i++) {
        digest_of(V[i].in, strlen(V[i].in), hex);
        assert_string_equal(hex, V[i].out);
    }
}

static void million_a_in_pieces(void **state)
{
    (void)state;
    static char a[1000];
    memset(a, 'a', sizeof a);
    sk_sha256 c;
    unsigned char d[32];
    char hex[65];
    sk_sha256_init(&c);
    for (int i = 0; i < 1000; i++)
        sk_sha256_update(&c, a, sizeof a);
    sk_sha256_final(&c, d);
    sk_sha256_hex(d, hex);
    assert_string_equal(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

static void every_split_the_same(void **state)
{
    (void)state;
    char msg[200], whole[65], split[65];
    for (size_t i = 0; i < sizeof msg; i++)
        msg[i] = (char)(i * 7 + 3);
    for (size_t n = 0; n <= sizeof msg; n += 13) {
        digest_of(msg, n, whole);
        for (size_t cut = 0; cut <= n; cut += 5) {
            sk_sha256 c;
            unsigned char d[32];
            sk_sha256_init(&c);
            sk_sha256_update(&c, msg, cut);
            sk_sha256_update(&c, msg + cut, n - cut);
            sk_sha256_final(&c, d);
            sk_sha256_hex(d, split);
            assert_string_equal(whole, split);
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(nist_vectors),
        cmocka_unit_test(million_a_in_pieces),
        cmocka_unit_test(every_split_the_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
