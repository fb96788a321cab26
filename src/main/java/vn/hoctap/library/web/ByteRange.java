package vn.hoctap.library.web;

/**
 * One byte range of an HTTP Range header ({@code bytes=0-499}, {@code bytes=500-},
 * {@code bytes=-500}). Several ranges in one request are answered with the whole file, as the
 * specification allows.
 */
public record ByteRange(long start, long end) {

    public static final ByteRange UNSATISFIABLE = new ByteRange(-1, -1);

    public long length() {
        return end - start + 1;
    }

    /** The range asked for, {@link #UNSATISFIABLE}, or null to send everything. */
    public static ByteRange parse(String header, long size) {
        if (header == null || !header.startsWith("bytes=") || header.contains(",")) {
            return null;
        }
        String spec = header.substring(6).trim();
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        try {
            String from = spec.substring(0, dash).trim();
            String to = spec.substring(dash + 1).trim();
            if (from.isEmpty()) {
                long suffix = Long.parseLong(to);
                if (suffix <= 0) {
                    return UNSATISFIABLE;
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long start = Long.parseLong(from);
            long end = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
            if (start >= size || start > end) {
                return UNSATISFIABLE;
            }
            return new ByteRange(start, end);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
