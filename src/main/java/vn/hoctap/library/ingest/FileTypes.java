package vn.hoctap.library.ingest;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Which types the library accepts, and the rules that refuse the rest. The type is the one Tika
 * detects from the bytes; the file name only has to agree with it.
 */
public final class FileTypes {

    /** An accepted type: its media type, kind, the extensions that may name it, a short label. */
    public record Accepted(String mediaType, FileKind kind, Set<String> extensions, String label) {
    }

    static final List<Accepted> ACCEPTED = List.of(
            new Accepted("application/pdf", FileKind.PDF, Set.of("pdf"), "PDF"),
            new Accepted("application/vnd.openxmlformats-officedocument.wordprocessingml.document", FileKind.DOCUMENT, Set.of("docx"), "Word (DOCX)"),
            new Accepted("application/vnd.oasis.opendocument.text", FileKind.DOCUMENT, Set.of("odt"), "OpenDocument (ODT)"),
            new Accepted("application/vnd.openxmlformats-officedocument.presentationml.presentation", FileKind.PRESENTATION, Set.of("pptx"), "PowerPoint (PPTX)"),
            new Accepted("application/vnd.oasis.opendocument.presentation", FileKind.PRESENTATION, Set.of("odp"), "OpenDocument (ODP)"),
            new Accepted("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", FileKind.SPREADSHEET, Set.of("xlsx"), "Excel (XLSX)"),
            new Accepted("application/vnd.oasis.opendocument.spreadsheet", FileKind.SPREADSHEET, Set.of("ods"), "OpenDocument (ODS)"),
            new Accepted("application/epub+zip", FileKind.EBOOK, Set.of("epub"), "EPUB"),
            new Accepted("text/plain", FileKind.TEXT, Set.of("txt", "md", "markdown", "text"), "Text"),
            new Accepted("text/markdown", FileKind.TEXT, Set.of("md", "markdown", "txt"), "Markdown"),
            new Accepted("image/jpeg", FileKind.IMAGE, Set.of("jpg", "jpeg"), "JPEG"),
            new Accepted("image/png", FileKind.IMAGE, Set.of("png"), "PNG"),
            new Accepted("image/webp", FileKind.IMAGE, Set.of("webp"), "WebP"),
            new Accepted("audio/mpeg", FileKind.AUDIO, Set.of("mp3"), "MP3"),
            new Accepted("audio/mp4", FileKind.AUDIO, Set.of("m4a", "mp4"), "M4A"),
            new Accepted("audio/ogg", FileKind.AUDIO, Set.of("ogg", "oga", "opus"), "Ogg"),
            new Accepted("video/mp4", FileKind.VIDEO, Set.of("mp4", "m4v"), "MP4"),
            new Accepted("video/webm", FileKind.VIDEO, Set.of("webm"), "WebM"));

    /** Types Tika reports that are the same thing as an accepted one. */
    private static final java.util.Map<String, String> SYNONYMS = java.util.Map.of(
            "text/x-web-markdown", "text/markdown",
            "audio/x-m4a", "audio/mp4",
            "audio/vorbis", "audio/ogg",
            "audio/opus", "audio/ogg",
            "audio/x-oggflac", "audio/ogg",
            "video/quicktime", "video/mp4",
            "video/x-m4v", "video/mp4",
            "video/x-matroska", "video/webm");

    /** Programs and scripts: never stored, whatever they are called. */
    private static final Set<String> EXECUTABLE_TYPES = Set.of("application/x-msdownload", "application/x-dosexec",
            "application/x-executable", "application/x-elf", "application/x-sharedlib", "application/x-object",
            "application/x-coredump", "application/x-mach-o", "application/x-mach-o-executable",
            "application/java-archive", "application/java-vm", "application/x-java-applet",
            "application/vnd.android.package-archive", "application/x-sh", "application/x-shellscript",
            "application/x-csh", "application/javascript", "text/javascript", "application/x-bat",
            "application/x-msi", "application/x-ms-installer", "application/vnd.microsoft.portable-executable",
            "text/x-python", "text/x-perl", "application/x-perl", "text/x-php", "application/x-httpd-php",
            "text/x-vbscript", "application/x-powershell");
    private static final Set<String> EXECUTABLE_EXTENSIONS = Set.of("exe", "dll", "com", "scr", "msi", "bat", "cmd",
            "sh", "bash", "ps1", "vbs", "vbe", "js", "jse", "wsf", "jar", "apk", "app", "bin", "elf", "so", "dylib",
            "py", "pl", "php", "lnk", "hta", "cpl", "reg");

    private FileTypes() {
    }

    /** The verdict on an upload: accepted as a type, or refused with a bundle key and arguments. */
    public record Verdict(Accepted accepted, String refusalKey, Object[] args) {

        static Verdict accept(Accepted accepted) {
            return new Verdict(accepted, null, new Object[0]);
        }

        static Verdict refuse(String key, Object... args) {
            return new Verdict(null, key, args);
        }

        public boolean isAccepted() {
            return accepted != null;
        }
    }

    /**
     * Judges a file from the type detected in its bytes, its name and its size. {@code protectedOoxml}:
     * Tika saw an encrypted Office file (it cannot tell which kind), which is kept as the kind its
     * name says and later marked "not searchable".
     */
    public static Verdict judge(String fileName, String detectedType, long size, long maxBytes) {
        String extension = extension(fileName);
        String type = canonical(detectedType);
        if (size <= 0) {
            return Verdict.refuse("library.refused.empty");
        }
        if (size > maxBytes) {
            return Verdict.refuse("library.refused.tooLarge", maxBytes / (1024 * 1024));
        }
        if (EXECUTABLE_TYPES.contains(type) || EXECUTABLE_EXTENSIONS.contains(extension)) {
            return Verdict.refuse("library.refused.executable");
        }
        if (type.contains("macroenabled") || type.equals("application/vnd.ms-excel.sheet.binary.macroenabled.12")) {
            return Verdict.refuse("library.refused.macro");
        }
        if (type.equals("application/x-tika-ooxml-protected") || type.equals("application/x-tika-msoffice")) {
            Optional<Accepted> byName = byExtension(extension).filter(a -> a.mediaType().startsWith("application/vnd.openxmlformats"));
            if (byName.isPresent()) {
                return Verdict.accept(byName.get());
            }
        }
        Optional<Accepted> accepted = ACCEPTED.stream().filter(a -> a.mediaType().equals(type)).findFirst();
        if (accepted.isEmpty()) {
            return Verdict.refuse("library.refused.type", label(type));
        }
        Optional<Accepted> named = byExtension(extension);
        if (named.isPresent() && named.get().kind() != accepted.get().kind()
                && !accepted.get().extensions().contains(extension)) {
            return Verdict.refuse("library.refused.mismatch", extension.toUpperCase(Locale.ROOT), accepted.get().label());
        }
        if (accepted.get().kind() == FileKind.TEXT && "text/plain".equals(type)
                && (extension.equals("md") || extension.equals("markdown"))) {
            return Verdict.accept(ACCEPTED.stream().filter(a -> a.mediaType().equals("text/markdown")).findFirst().orElseThrow());
        }
        return Verdict.accept(accepted.get());
    }

    public static Optional<Accepted> byMediaType(String mediaType) {
        String type = canonical(mediaType);
        return ACCEPTED.stream().filter(a -> a.mediaType().equals(type)).findFirst();
    }

    static Optional<Accepted> byExtension(String extension) {
        if (extension.isEmpty()) {
            return Optional.empty();
        }
        return ACCEPTED.stream().filter(a -> a.extensions().contains(extension)).findFirst();
    }

    static String canonical(String detected) {
        if (detected == null) {
            return "application/octet-stream";
        }
        String base = detected.toLowerCase(Locale.ROOT);
        int semicolon = base.indexOf(';');
        if (semicolon >= 0) {
            base = base.substring(0, semicolon).trim();
        }
        return SYNONYMS.getOrDefault(base, base);
    }

    public static String extension(String fileName) {
        if (fileName == null) {
            return "";
        }
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot < 0 || dot == name.length() - 1 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String label(String type) {
        return switch (type) {
            case "application/zip" -> "ZIP";
            case "application/msword" -> "Word 97-2003 (DOC)";
            case "application/vnd.ms-excel" -> "Excel 97-2003 (XLS)";
            case "application/vnd.ms-powerpoint" -> "PowerPoint 97-2003 (PPT)";
            case "application/x-rar-compressed", "application/x-rar" -> "RAR";
            case "application/octet-stream" -> "?";
            default -> type;
        };
    }
}
