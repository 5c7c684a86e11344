package dev.gosync.gomod.zip;

/**
 * Which files of a vendor directory a module zip leaves out. The rule changed with Go 1.24 and
 * follows the module's own go line (not the toolchain), so that zips of older modules, and the
 * checksums recorded for them, stay as they were:
 * <ul>
 * <li>files in subdirectories of a top-level {@code vendor/} are always left out; files directly
 * in it are kept, except {@code vendor/modules.txt} from go 1.24 on;</li>
 * <li>below a nested {@code …/vendor/}, go 1.24 leaves out files in its subdirectories; older
 * modules keep a historic off-by-offset check that drops any such path with a slash after its
 * eighth byte, so {@code pkg/vendor/vendor.go} is dropped.</li>
 * </ul>
 */
final class VendorRule {
    private static final String VENDOR = "vendor/";
    private static final String NESTED_VENDOR = "/vendor/";

    private final boolean go124;

    private VendorRule(boolean go124) {
        this.go124 = go124;
    }

    /** The rule for a module whose go.mod has the given go line ("" when it has none). */
    static VendorRule forGoLine(String goVersion) {
        return new VendorRule(GoLanguage.atLeast(goVersion, 1, 24));
    }

    boolean omits(String name) {
        if (go124 && name.equals("vendor/modules.txt")) {
            return true;
        }
        int from;
        if (name.startsWith(VENDOR)) {
            from = VENDOR.length();
        } else {
            int nested = name.indexOf(NESTED_VENDOR);
            if (nested < 0) {
                return false;
            }
            from = go124 ? nested + NESTED_VENDOR.length() : NESTED_VENDOR.length();
        }
        return name.indexOf('/', from) >= 0;
    }
}
