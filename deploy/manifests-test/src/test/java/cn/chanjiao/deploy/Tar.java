package cn.chanjiao.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Just enough of the tar format to read image archives and their layers (ustar, pax and GNU long names). */
final class Tar {

    /** An entry: its path without a leading "./" or "/", mode, and content when it was asked for. */
    record Entry(String path, int mode, char type, byte[] content) {
    }

    private Tar() {
    }

    /** Called for each entry with a stream of exactly its content (read it or not). */
    interface Visitor {
        void entry(String path, int mode, char type, InputStream content) throws IOException;
    }

    /** Every entry of the archive, with the content of those {@code keep} accepts. */
    static Map<String, Entry> read(InputStream in, Predicate<String> keep) throws IOException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        walk(in, (path, mode, type, content) ->
                entries.put(path, new Entry(path, mode, type, keep.test(path) ? content.readAllBytes() : null)));
        return entries;
    }

    /** Streams through the archive without holding more than one header in memory. */
    static void walk(InputStream in, Visitor visitor) throws IOException {
        byte[] header = new byte[512];
        String longName = null;
        while (readFully(in, header)) {
            if (isZero(header)) {
                break;
            }
            String name = string(header, 0, 100);
            String prefix = string(header, 345, 155);
            if (!prefix.isEmpty() && header[257] == 'u') {
                name = prefix + "/" + name;
            }
            int mode = (int) octal(header, 100, 8);
            long size = octal(header, 124, 12);
            char type = header[156] == 0 ? '0' : (char) header[156];
            String path = normalize(longName != null ? longName : name);
            Bounded content = new Bounded(in, size);
            if (type == 'x') {
                longName = paxPath(content.readAllBytes());
            } else if (type == 'L') {
                longName = new String(content.readAllBytes(), StandardCharsets.UTF_8).replace("\0", "");
            } else if (type != 'g') {
                visitor.entry(path, mode, type, content);
                longName = null;
            }
            content.drain();
            skip(in, (512 - size % 512) % 512);
        }
    }

    /** The next {@code size} bytes of the archive. */
    private static final class Bounded extends InputStream {
        private final InputStream in;
        private long left;

        Bounded(InputStream in, long size) {
            this.in = in;
            this.left = size;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new IOException("truncated tar");
            }
            left--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, left));
            if (read < 0) {
                throw new IOException("truncated tar");
            }
            left -= read;
            return read;
        }

        @Override
        public void close() {
            // the archive stays open
        }

        void drain() throws IOException {
            Tar.skip(in, left);
            left = 0;
        }
    }

    private static String normalize(String path) {
        String result = path;
        while (result.startsWith("./") || result.startsWith("/")) {
            result = result.substring(result.startsWith("./") ? 2 : 1);
        }
        return result.endsWith("/") ? result.substring(0, result.length() - 1) : result;
    }

    private static String paxPath(byte[] content) {
        String records = new String(content, StandardCharsets.UTF_8);
        for (String line : records.split("\n")) {
            int space = line.indexOf(' ');
            if (space > 0 && line.startsWith("path=", space + 1)) {
                return line.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static boolean readFully(InputStream in, byte[] buffer) throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        if (read == 0) {
            return false;
        }
        if (read < buffer.length) {
            throw new IOException("truncated tar");
        }
        return true;
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("truncated tar");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String string(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] header, int offset, int length) {
        String text = string(header, offset, length).trim();
        return text.isEmpty() ? 0 : Long.parseLong(text, 8);
    }

    static String text(Entry entry) {
        return new String(entry.content(), StandardCharsets.UTF_8);
    }

}
