package vn.hoctap.library;

import java.util.Set;

/** What an author says about a material. */
public record MaterialForm(String title, String description, Set<String> subjects, Audience audience, Level level,
                           String language, Licence licence, String attribution) {

    /** The languages materials may be in: Vietnamese, English, Thai, Hmong, Tai Dam, other. */
    public static final Set<String> LANGUAGES = Set.of("vi", "en", "th", "hmn", "blt", "other");
}
