package vn.hoctap.identity.staffimport;

import vn.hoctap.shared.PhoneNumber;
import vn.hoctap.shared.Text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of the staff import, without the container: maps headers to columns, checks every row
 * (with its number), finds duplicates inside the file and conflicts with existing accounts, and
 * decides for each row whether it creates, updates or leaves a person unchanged.
 */
public final class ImportPlanner {

    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");
    private static final Pattern STAFF_CODE = Pattern.compile("[\\p{L}0-9][\\p{L}0-9_.\\-/]{0,39}");

    private ImportPlanner() {
    }

    /** A unit as the planner needs it. {@code inScope}: the importing officer may place people there. */
    public record UnitRef(long id, String code, boolean active, boolean inScope) {
    }

    /** A person who already has an account. {@code manageable}: the importing officer may change them. */
    public record Existing(long id, String staffCode, String username, String fullName, String phone, String email,
                           Set<String> postLabels, boolean manageable) {
    }

    /** Everything the planner must know about the database; filled by {@link StaffImportService}. */
    public record Lookups(Map<String, UnitRef> unitsByCode, Map<String, Long> positionsByCode,
                          Map<String, Existing> byStaffCode, Map<String, Existing> byPhone,
                          Map<String, Existing> byUsername) {
    }

    /** The header row mapped to columns, or the file-level problems that stop everything. */
    static Map<Column, Integer> mapHeader(List<String> header, List<ImportPlan.Problem> problems) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            int index = i;
            Column.forHeader(header.get(i)).ifPresent(c -> columns.putIfAbsent(c, index));
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required() && !columns.containsKey(c)) {
                missing.add(c.templateHeader());
            }
        }
        if (!missing.isEmpty()) {
            problems.add(new ImportPlan.Problem(0, null, "import.error.missingColumns", String.join(", ", missing)));
        }
        return columns;
    }

    public static ImportPlan plan(String fileName, SheetReader.Sheet sheet, Lookups lookups) {
        List<ImportPlan.Problem> fileProblems = new ArrayList<>();
        if (sheet.rows().isEmpty()) {
            fileProblems.add(new ImportPlan.Problem(0, null, "import.error.empty"));
            return new ImportPlan(fileName, fileProblems, List.of());
        }
        Map<Column, Integer> columns = mapHeader(sheet.rows().get(0).cells(), fileProblems);
        if (!fileProblems.isEmpty()) {
            return new ImportPlan(fileName, fileProblems, List.of());
        }
        Map<String, Integer> seenCodes = new HashMap<>();
        Map<String, Integer> seenPhones = new HashMap<>();
        Map<String, Integer> seenUsernames = new HashMap<>();
        List<ImportPlan.Row> rows = new ArrayList<>();
        for (SheetReader.Line line : sheet.rows().subList(1, sheet.rows().size())) {
            if (line.cells().stream().allMatch(String::isBlank)) {
                continue;
            }
            rows.add(planRow(line, columns, lookups, seenCodes, seenPhones, seenUsernames));
        }
        if (rows.isEmpty()) {
            fileProblems.add(new ImportPlan.Problem(0, null, "import.error.noRows"));
        }
        return new ImportPlan(fileName, fileProblems, rows);
    }

    private static ImportPlan.Row planRow(SheetReader.Line line, Map<Column, Integer> columns, Lookups lookups,
                                          Map<String, Integer> seenCodes, Map<String, Integer> seenPhones,
                                          Map<String, Integer> seenUsernames) {
        int n = line.number();
        List<ImportPlan.Problem> problems = new ArrayList<>();
        String staffCode = Text.clean(cell(line, columns, Column.STAFF_CODE));
        String fullName = Text.clean(cell(line, columns, Column.FULL_NAME));
        String username = lower(cell(line, columns, Column.USERNAME));
        String phoneText = cell(line, columns, Column.PHONE);
        String email = lower(Text.clean(cell(line, columns, Column.EMAIL)));

        boolean repeatedCode = false;
        if (staffCode == null) {
            problems.add(new ImportPlan.Problem(n, Column.STAFF_CODE, "import.error.required"));
        } else if (!STAFF_CODE.matcher(staffCode).matches()) {
            problems.add(new ImportPlan.Problem(n, Column.STAFF_CODE, "person.error.staffCode", staffCode));
        } else {
            Integer first = seenCodes.putIfAbsent(staffCode.toUpperCase(Locale.ROOT), n);
            if (first != null) {
                repeatedCode = true;
                problems.add(new ImportPlan.Problem(n, Column.STAFF_CODE, "import.error.duplicateCode", staffCode, first));
            }
        }
        if (fullName == null || fullName.length() > 200 || fullName.chars().noneMatch(Character::isLetter)) {
            problems.add(new ImportPlan.Problem(n, Column.FULL_NAME, "person.error.fullName"));
        }
        String phone = null;
        if (!Text.isBlank(phoneText)) {
            Optional<String> normalized = PhoneNumber.normalize(phoneText);
            if (normalized.isEmpty()) {
                problems.add(new ImportPlan.Problem(n, Column.PHONE, "person.error.phone", phoneText.trim()));
            } else {
                phone = normalized.get();
                Integer first = seenPhones.putIfAbsent(phone, n);
                if (first != null) {
                    problems.add(new ImportPlan.Problem(n, Column.PHONE, "import.error.duplicatePhone", phone, first));
                }
            }
        }
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            problems.add(new ImportPlan.Problem(n, Column.EMAIL, "person.error.email", email));
        }
        if (username != null && !USERNAME.matcher(username).matches()) {
            problems.add(new ImportPlan.Problem(n, Column.USERNAME, "person.error.username"));
        }

        List<ImportPlan.PostRef> posts = new ArrayList<>();
        addPost(n, cell(line, columns, Column.UNIT_CODE), cell(line, columns, Column.POSITION_CODE), Column.UNIT_CODE,
                true, lookups, posts, problems);
        String concurrent = cell(line, columns, Column.CONCURRENT);
        if (!Text.isBlank(concurrent)) {
            for (String part : concurrent.split("[;\\n]")) {
                if (part.isBlank()) {
                    continue;
                }
                String[] pair = part.split("/", 2);
                if (pair.length != 2) {
                    problems.add(new ImportPlan.Problem(n, Column.CONCURRENT, "import.error.concurrentFormat", part.trim()));
                    continue;
                }
                addPost(n, pair[0], pair[1], Column.CONCURRENT, false, lookups, posts, problems);
            }
        }

        Existing existing = staffCode == null ? null : lookups.byStaffCode().get(staffCode.toUpperCase(Locale.ROOT));
        if (existing != null && !existing.manageable()) {
            problems.add(new ImportPlan.Problem(n, Column.STAFF_CODE, "import.error.notYours", staffCode));
        }
        if (phone != null) {
            Existing owner = lookups.byPhone().get(phone);
            if (owner != null && (existing == null || owner.id() != existing.id())) {
                problems.add(new ImportPlan.Problem(n, Column.PHONE, "person.error.phoneTaken", phone));
            }
        }
        if (existing == null && staffCode != null) {
            if (username == null) {
                username = derivedUsername(staffCode);
            }
            Existing owner = lookups.byUsername().get(username);
            if (owner != null) {
                problems.add(new ImportPlan.Problem(n, Column.USERNAME, "person.error.usernameTaken", username));
            }
            Integer first = seenUsernames.putIfAbsent(username, n);
            if (first != null && !repeatedCode) {
                problems.add(new ImportPlan.Problem(n, Column.USERNAME, "import.error.duplicateUsername", username, first));
            }
        } else if (existing != null) {
            username = existing.username();
        }

        ImportPlan.Action action;
        if (!problems.isEmpty()) {
            action = ImportPlan.Action.ERROR;
        } else if (existing == null) {
            action = ImportPlan.Action.NEW;
        } else {
            Set<String> labels = new LinkedHashSet<>();
            posts.forEach(p -> labels.add(p.label()));
            boolean same = fullName.equals(existing.fullName()) && equal(phone, existing.phone())
                    && equal(email, existing.email()) && labels.equals(existing.postLabels());
            action = same ? ImportPlan.Action.UNCHANGED : ImportPlan.Action.UPDATE;
        }
        return new ImportPlan.Row(n, action, existing == null ? null : existing.id(), staffCode, fullName, username,
                phone, email, List.copyOf(posts), List.copyOf(problems));
    }

    private static void addPost(int n, String unitCode, String positionCode, Column column, boolean required,
                                Lookups lookups, List<ImportPlan.PostRef> posts, List<ImportPlan.Problem> problems) {
        String unit = unitCode == null ? "" : unitCode.trim().toUpperCase(Locale.ROOT);
        String position = positionCode == null ? "" : positionCode.trim().toUpperCase(Locale.ROOT);
        if (unit.isEmpty() || position.isEmpty()) {
            if (required) {
                problems.add(new ImportPlan.Problem(n, unit.isEmpty() ? Column.UNIT_CODE : Column.POSITION_CODE,
                        "import.error.required"));
            }
            return;
        }
        UnitRef u = lookups.unitsByCode().get(unit);
        Long p = lookups.positionsByCode().get(position);
        if (u == null) {
            problems.add(new ImportPlan.Problem(n, column, "import.error.unknownUnit", unit));
        } else if (!u.active()) {
            problems.add(new ImportPlan.Problem(n, column, "import.error.inactiveUnit", unit));
        } else if (!u.inScope()) {
            problems.add(new ImportPlan.Problem(n, column, "import.error.unitOutsideScope", unit));
        }
        if (p == null) {
            problems.add(new ImportPlan.Problem(n, column == Column.UNIT_CODE ? Column.POSITION_CODE : column,
                    "import.error.unknownPosition", position));
        }
        if (u != null && p != null && posts.stream().noneMatch(x -> x.unitId() == u.id() && x.positionId() == p)) {
            posts.add(new ImportPlan.PostRef(u.id(), u.code(), p, position));
        }
    }

    /** The username given to a new person when the file names none: the staff code, folded. */
    static String derivedUsername(String staffCode) {
        String s = Text.fold(staffCode).replaceAll("[^a-z0-9._-]", "");
        if (s.isEmpty() || !Character.isLetter(s.charAt(0))) {
            s = "cb" + s;
        }
        while (s.length() < 3) {
            s += "0";
        }
        return s.length() > 64 ? s.substring(0, 64) : s;
    }

    private static String cell(SheetReader.Line line, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= line.cells().size()) {
            return null;
        }
        String v = line.cells().get(index);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static boolean equal(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
