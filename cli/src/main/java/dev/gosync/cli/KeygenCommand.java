package dev.gosync.cli;

import dev.gosync.bundle.sign.sshkey.Ed25519KeyPair;
import dev.gosync.bundle.sign.sshkey.KeyPairs;
import dev.gosync.bundle.sign.sshkey.SshPublicKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code gosync keygen FILE}: a new Ed25519 signing key in OpenSSH format. */
@Command(name = "keygen", mixinStandardHelpOptions = true, description = {
    "Create an Ed25519 signing key pair in OpenSSH format: FILE (private, mode 0600) and FILE.pub.",
    "Existing OpenSSH ed25519 keys (ssh-keygen -t ed25519) work too."})
final class KeygenCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-C", "--comment"}, paramLabel = "TEXT",
            description = "Comment stored with the key, usually who signs with it (default: gosync).")
    String comment = "gosync";

    @Parameters(paramLabel = "FILE", description = "The private key file to create; it must not exist.")
    Path file;

    @Override
    public Integer call() {
        Ed25519KeyPair pair = KeyPairs.generate(comment);
        KeyPairs.write(pair, file);
        PrintWriter out = spec.commandLine().getOut();
        out.println("wrote " + file + " (private) and " + file + ".pub (public)");
        out.println("fingerprint: " + pair.publicKey().fingerprint());
        out.println("On the isolated side, trust it with a line in the allowed_signers file:");
        SshPublicKey key = pair.publicKey();
        out.println("  " + principal(comment) + " " + key.type() + " " + Base64.getEncoder().encodeToString(key.blob()));
        return ExitCodes.OK;
    }

    /** allowed_signers principals are one word; a comment with spaces is quoted. */
    private static String principal(String comment) {
        return comment.matches("[^\\s\"]+") ? comment : "\"" + comment.replace("\"", "") + "\"";
    }
}
