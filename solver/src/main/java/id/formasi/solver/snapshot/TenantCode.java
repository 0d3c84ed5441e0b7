package id.formasi.solver.snapshot;

import java.util.regex.Pattern;

/**
 * A tenant is a local government, named by its Kemendagri region code: 2 digits for a province, 4 for a
 * city or regency (Balikpapan 6471), 6 for a district. Only digits, so a code is safe in a storage key.
 */
public final class TenantCode {

    public static final Pattern PATTERN = Pattern.compile("[0-9]{2,6}");

    /** Why a code is refused, for error messages. */
    public static final String RULE = "must be a region code of 2 to 6 digits, e.g. 6471";

    private TenantCode() {
    }

    public static boolean isValid(String code) {
        return code != null && PATTERN.matcher(code).matches();
    }
}
