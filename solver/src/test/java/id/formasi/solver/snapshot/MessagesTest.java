package id.formasi.solver.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            unknown job "NOPE"                                                  | jabatan "NOPE" tidak dikenal
            the snapshot is of tenant 9901, the request is for tenant 6471      | snapshot ini milik tenant 9901, permintaan ini untuk tenant 6471
            the token names no tenant (claim custom:tenant)                     | token tidak menyebut tenant (klaim custom:tenant)
            X-Formasi-Tenant must be a region code of 2 to 6 digits, e.g. 6471  | X-Formasi-Tenant harus kode wilayah 2 sampai 6 digit, misalnya 6471
            is 2001 characters; at most 2000                                    | panjangnya 2001 karakter; paling banyak 2000
            line 4, column 3: the body is not valid UTF-8 (byte 1962)           | baris 4, kolom 3: badan permintaan bukan UTF-8 yang sah (byte ke-1962)
            the query is longer than 2048 characters                            | kueri lebih panjang dari 2048 karakter
            must match [A-Za-z0-9._-]{1,64} and not start with a dot            | harus sesuai pola [A-Za-z0-9._-]{1,64} dan tidak diawali titik
            plan p-1 is STALE: snapshot s-2 (version 7) replaced its data at 2026-12-01T10:00:00Z; review the plan of the new data | rencana p-1 usang: snapshot s-2 (versi 7) menggantikan datanya; tinjau rencana untuk data baru
            plan p-1 is APPROVED; stop it first (POST /plans/p-1/cancel)        | rencana p-1 berstatus APPROVED; hentikan dulu (POST /plans/p-1/cancel)
            """)
    void anEnglishMessageHasItsIndonesian(String en, String id) {
        assertEquals(id, Messages.indonesian(en));
        assertTrue(Messages.known(en));
    }

    @Test
    void aMessageNoRuleKnowsGetsTheNoticeNotAMixedText() {
        assertEquals(Messages.UNKNOWN, Messages.indonesian("something nobody wrote a rule for"));
        assertFalse(Messages.known("something nobody wrote a rule for"));
    }
}
