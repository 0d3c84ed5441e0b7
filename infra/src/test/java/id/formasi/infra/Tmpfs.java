package id.formasi.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small tmpfs, to have a disk that really fills up (ENOSPC). Mounting needs root; where the machine does not
 * allow it, {@link #mount} answers false and the full-disk tests are skipped.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    public static boolean mount(Path dir, String size) {
        return run("mount", "-t", "tmpfs", "-o", "size=" + size, "formasi-full-disk", dir.toString());
    }

    /** Lazily: the folder goes as soon as nothing uses it. */
    public static void unmount(Path dir) {
        run("umount", "-l", dir.toString());
    }

    /** Writes zeros until the disk is full. */
    public static void fill(Path file) throws IOException {
        byte[] chunk = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                out.flush();
            }
        } catch (IOException e) {
            if (!String.valueOf(e.getMessage()).contains("No space left")) {
                throw e;
            }
        }
    }

    private static boolean run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().transferTo(OutputStream.nullOutputStream());
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
