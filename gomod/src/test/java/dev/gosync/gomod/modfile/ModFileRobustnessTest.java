package dev.gosync.gomod.modfile;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Whatever the input, parsing either succeeds or throws {@link ModFileException}, quickly, and a
 * file that parses strictly can be formatted. Any other exception fails the property.
 */
class ModFileRobustnessTest {
    /** One worker for every try: a hang shows as a timeout, without a new thread per try. */
    private static final ExecutorService WORKER = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "modfile-robustness");
        t.setDaemon(true);
        return t;
    });

    @Property(tries = 1500)
    void arbitraryBytesParseOrFailCleanly(@ForAll @Size(max = 400) byte[] content) throws Exception {
        parseEveryWay(content);
    }

    @Property(tries = 1500)
    void tokenSoupParsesOrFailsCleanly(@ForAll("tokenSoup") byte[] content) throws Exception {
        parseEveryWay(content);
    }

    @Property(tries = 1000)
    void damagedCorpusFilesParseOrFailCleanly(@ForAll("damagedCorpus") byte[] content) throws Exception {
        parseEveryWay(content);
    }

    @Provide
    Arbitrary<byte[]> tokenSoup() {
        return Arbitraries.integers().between(0, Mutator.TOKENS.size() - 1).list().ofMaxSize(60).map(picks -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i : picks) {
                out.writeBytes(Mutator.TOKENS.get(i));
                out.write(' ');
            }
            return out.toByteArray();
        });
    }

    @Provide
    Arbitrary<byte[]> damagedCorpus() {
        List<Corpus.Case> cases = Corpus.load("mod");
        return Arbitraries.randoms().flatMap(random -> Arbitraries.of(cases)
                .map(c -> Mutator.mutate(c.content(), random, 1 + random.nextInt(5))));
    }

    private static void parseEveryWay(byte[] content) throws Exception {
        try {
            WORKER.submit(() -> {
                try {
                    ModFile.parse("go.mod", content).format();
                } catch (ModFileException expected) {
                    // A clean refusal is fine.
                }
                try {
                    ModFile.parseLax("go.mod", content);
                } catch (ModFileException expected) {
                    // Likewise.
                }
                try {
                    WorkFile.parse("go.work", content).format();
                } catch (ModFileException expected) {
                    // Likewise.
                }
                return null;
            }).get(2, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("parsing threw something other than ModFileException", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("parsing took over two seconds", e);
        }
    }
}
