package id.formasi.functions.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The groups claim in the forms providers and API Gateway give it, and the role it grants. */
class AccessTest {

    @Test
    void groupsAreReadAsApiGatewayJsonOrCommaSeparatedText() {
        // API Gateway hands a JSON array claim to the function as "[a b]".
        assertThat(Access.groups("[pengamat penyetuju]")).containsExactly("pengamat", "penyetuju");
        assertThat(Access.groups("[\"pengamat\",\"perencana\"]")).containsExactly("pengamat", "perencana");
        assertThat(Access.groups("perencana, other")).containsExactly("perencana", "other");
        assertThat(Access.groups(null)).isEmpty();
        assertThat(Access.groups("[]")).isEmpty();
    }

    @Test
    void theHighestRoleAmongTheGroupsCountsAndOtherGroupsGrantNothing() {
        assertThat(Access.highest(List.of("pengamat", "penyetuju"))).isEqualTo(Role.PENYETUJU);
        assertThat(Access.highest(List.of("perencana", "admins"))).isEqualTo(Role.PERENCANA);
        assertThat(Access.highest(List.of("admins", "Penyetuju"))).isEqualTo(Role.PUBLIC);
        assertThat(Role.PENYETUJU.allows(Role.PENGAMAT)).isTrue();
        assertThat(Role.PENGAMAT.allows(Role.PERENCANA)).isFalse();
    }

    @Test
    void readingNeedsPengamatChangesPerencanaTheDecisionPenyetuju() {
        assertThat(Access.role("GET", "/plans/{id}/moves")).isEqualTo(Role.PENGAMAT);
        assertThat(Access.role("POST", "/plans/{id}/resolve")).isEqualTo(Role.PERENCANA);
        assertThat(Access.role("POST", "/plans/{id}/decision")).isEqualTo(Role.PENYETUJU);
        assertThat(Access.role("GET", "/config")).isEqualTo(Role.PUBLIC);
    }
}
