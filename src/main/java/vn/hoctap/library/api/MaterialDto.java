package vn.hoctap.library.api;

import vn.hoctap.identity.Actor;
import vn.hoctap.library.LibraryAccess;
import vn.hoctap.library.Material;
import vn.hoctap.library.MaterialVersion;

import java.util.List;

/** A material as the API shows it. The published version is what learners get. */
public record MaterialDto(long id, String title, String description, List<String> subjects, String audience,
                          String level, String language, String licence, String attribution, String status,
                          String reviewComment, VersionDto published, VersionDto latest, List<VersionDto> versions,
                          long version) {

    public record VersionDto(long id, int number, String fileName, String mediaType, String kind, long size,
                             String sha256, String extraction, String extractionNote, Long textChars, Integer pages,
                             Integer durationSeconds, String url, java.time.LocalDateTime publishedAt) {
        static VersionDto of(MaterialVersion v) {
            return v == null ? null : new VersionDto(v.getId(), v.getNumber(), v.getFileName(), v.getMediaType(),
                    v.getKind().name(), v.getSize(), v.getSha256(), v.getExtractionStatus().name(), v.getExtractionNote(),
                    v.getTextChars(), v.getPages(), v.getDurationSeconds(), v.getFileLink(), v.getPublishedAt());
        }
    }

    /** The material with the versions {@code actor} may see (all for its authors and reviewers, the ever-published ones for others). */
    static MaterialDto of(Material m, Actor actor) {
        return new MaterialDto(m.getId(), m.getTitle(), m.getDescription(), List.copyOf(m.getSubjects()),
                m.getAudience().name(), m.getLevel() == null ? null : m.getLevel().name(), m.getLanguage(),
                m.getLicence().name(), m.getAttribution(), m.getStatus().name(), m.getReviewComment(),
                VersionDto.of(m.getPublishedVersion()),
                m.getLatestVersion() != null && LibraryAccess.canViewVersion(actor, m.getLatestVersion()) ? VersionDto.of(m.getLatestVersion()) : null,
                m.getVersions().stream().filter(v -> LibraryAccess.canViewVersion(actor, v)).map(VersionDto::of).toList(),
                m.getVersion());
    }
}
