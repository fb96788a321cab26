package vn.hoctap.library.api;

import vn.hoctap.library.MaterialVersion;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Where a version's file is served ({@code /files/<version id>/<file name>}). */
public final class FileLinks {

    private FileLinks() {
    }

    public static String url(MaterialVersion v) {
        return "/files/" + v.getId() + "/" + URLEncoder.encode(v.getFileName(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
