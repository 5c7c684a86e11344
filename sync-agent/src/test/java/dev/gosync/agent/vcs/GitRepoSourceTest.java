package dev.gosync.agent.vcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gosync.fixtures.git.GitFile;
import dev.gosync.gomod.module.ModuleVersion;
import dev.gosync.gomod.semver.InvalidVersionException;
import dev.gosync.gomod.store.ModuleNotFoundException;
import java.util.List;
import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link GitRepoSource} on repositories the fixture universe has no room for. */
class GitRepoSourceTest {
    private static final String ROOT = "example.com/r";
    private static final String URL = "https://example.com/r";

    private final TestRepo repo = TestRepo.inMemory();

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void commitsNoRefReachesAreUnknown() {
        ObjectId tagged = repo.commit(GitFile.text("go.mod", "module example.com/r\n"));
        ObjectId dangling = repo.commit(tagged, TestRepo.WHEN.plusSeconds(60), GitFile.text("go.mod", "module example.com/r\n"));
        repo.ref("refs/tags/v1.0.0", tagged).ref("refs/heads/main", tagged).head("main");
        GitRepoSource source = source();
        ModuleNotFoundException e = assertThrows(ModuleNotFoundException.class, () -> source.query(ROOT, dangling.name()));
        assertEquals(ROOT + "@" + dangling.name() + ": invalid version: unknown revision " + dangling.name(), e.getMessage());
        assertEquals("v1.0.0", source.query(ROOT, tagged.name()).version());
    }

    @Test
    void hashPrefixesShorterThanSevenDigitsAreNoHashes() {
        ObjectId c = repo.commit(GitFile.text("go.mod", "module example.com/r\n"));
        repo.ref("refs/heads/main", c).head("main");
        assertThrows(ModuleNotFoundException.class, () -> source().query(ROOT, c.name().substring(0, 6)));
        assertEquals(c.name(), source().query(ROOT, c.name().substring(0, 7)).origin().split("\"Hash\":\"")[1].substring(0, 40));
    }

    @Test
    void anEmptyRepositoryHasNoVersionsAndNoLatest() {
        GitRepoSource source = source();
        assertEquals(List.of(), source.versions(ROOT));
        assertTrue(source.latest(ROOT).isEmpty());
    }

    @Test
    void infoTakesOnlyCanonicalVersions() {
        ObjectId c = repo.commit(GitFile.text("go.mod", "module example.com/r\n"));
        repo.ref("refs/tags/v1.2.0", c);
        InvalidVersionException e = assertThrows(InvalidVersionException.class,
                () -> source().info(new ModuleVersion(ROOT, "v1.2")));
        assertEquals(ROOT + "@v1.2: version v1.2 is not canonical", e.getMessage());
    }

    @Test
    void modulesOutsideTheRepositoryAreNotFound() {
        assertThrows(ModuleNotFoundException.class, () -> source().versions("example.com/other"));
    }

    @Test
    void tagsThatAreNoCanonicalVersionsAreNoVersions() {
        ObjectId c = repo.commit(GitFile.text("go.mod", "module example.com/r\n"));
        for (String tag : List.of("v1.0.0", "v1.2", "v1.3.0+meta", "v0.0.0-20200101000000-abcdefabcdef", "release-1", "v2.0.0")) {
            repo.ref("refs/tags/" + tag, c);
        }
        assertEquals(List.of("v1.0.0"), source().versions(ROOT));
    }

    private GitRepoSource source() {
        return new GitRepoSource(repo.repository(), ROOT, URL);
    }
}
