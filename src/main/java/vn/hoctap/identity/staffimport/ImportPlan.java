package vn.hoctap.identity.staffimport;

import java.io.Serializable;
import java.util.List;

/**
 * What an import would do, row by row, before anything is written: the preview an officer sees,
 * and the exact work the commit carries out. Any problem anywhere blocks the whole import.
 */
public record ImportPlan(String fileName, List<Problem> fileProblems, List<Row> rows) implements Serializable {

    public enum Action { NEW, UPDATE, UNCHANGED, ERROR }

    /** A problem with its row number (0 for the whole file) and column, as a bundle key and arguments. */
    public record Problem(int row, Column column, String key, Object... args) implements Serializable {
    }

    /** A post to hold: unit and position, by id and by code. */
    public record PostRef(long unitId, String unitCode, long positionId, String positionCode) implements Serializable {

        public String label() {
            return unitCode + "/" + positionCode;
        }
    }

    public record Row(int number, Action action, Long existingId, String staffCode, String fullName, String username,
                      String phone, String email, List<PostRef> posts, List<Problem> problems) implements Serializable {
    }

    public boolean canCommit() {
        return fileProblems.isEmpty() && rows.stream().noneMatch(r -> r.action() == Action.ERROR) && !rows.isEmpty();
    }

    public long count(Action action) {
        return rows.stream().filter(r -> r.action() == action).count();
    }

    public List<Problem> allProblems() {
        return java.util.stream.Stream.concat(fileProblems.stream(), rows.stream().flatMap(r -> r.problems().stream()))
                .toList();
    }
}
