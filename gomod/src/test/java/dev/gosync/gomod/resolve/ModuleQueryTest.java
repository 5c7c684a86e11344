package dev.gosync.gomod.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class ModuleQueryTest {
    @Test
    void theQueryIsEverythingAfterTheFirstAt() {
        assertEquals(new ModuleQuery("example.com/m", "feature@x"), ModuleQuery.parse("example.com/m@feature@x"));
    }

    @Test
    void aQueryIsRequired() {
        assertThrows(ModuleQueryException.class, () -> ModuleQuery.parse("example.com/m"));
        assertThrows(ModuleQueryException.class, () -> ModuleQuery.parse("example.com/m@"));
    }

    @Test
    void aQueryThatCouldPassForAnOptionOrAPathIsRefused() {
        assertThrows(ModuleQueryException.class, () -> ModuleQuery.parse("example.com/m@-v1"));
        assertThrows(ModuleQueryException.class, () -> ModuleQuery.parse("example.com/m@/etc"));
    }

    @Test
    void theModulePathIsChecked() {
        ModuleQueryException e = assertThrows(ModuleQueryException.class, () -> ModuleQuery.parse("Example..com/m@latest"));
        assertEquals(true, e.getMessage().contains("Example..com/m"), e.getMessage());
    }

    @Property(tries = 2000)
    void anyArgumentParsesOrFailsCleanly(@ForAll String arg) {
        try {
            ModuleQuery q = ModuleQuery.parse(arg);
            assertEquals(arg, q.toString());
        } catch (ModuleQueryException expected) {
            // a clean refusal is the other acceptable outcome
        }
    }
}
