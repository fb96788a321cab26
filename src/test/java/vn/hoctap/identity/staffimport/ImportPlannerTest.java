package vn.hoctap.identity.staffimport;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImportPlannerTest {

    static final String HEADER = "Mã cán bộ,Họ và tên,Tên đăng nhập,Số điện thoại,Thư điện tử,Mã đơn vị,Mã vị trí việc làm,Kiêm nhiệm";

    final Map<String, ImportPlanner.UnitRef> units = new HashMap<>(Map.of(
            "SNV-VP", new ImportPlanner.UnitRef(10, "SNV-VP", true, true),
            "SNV-CCVC", new ImportPlanner.UnitRef(11, "SNV-CCVC", true, true),
            "SKHCN-VP", new ImportPlanner.UnitRef(20, "SKHCN-VP", true, false),
            "SNV-OLD", new ImportPlanner.UnitRef(12, "SNV-OLD", false, true)));
    final Map<String, Long> positions = Map.of("CV", 1L, "TP", 2L);
    final Map<String, ImportPlanner.Existing> byCode = new HashMap<>();
    final Map<String, ImportPlanner.Existing> byPhone = new HashMap<>();
    final Map<String, ImportPlanner.Existing> byUsername = new HashMap<>();

    ImportPlan plan(String... lines) {
        List<SheetReader.Line> rows = new ArrayList<>();
        rows.add(new SheetReader.Line(1, Arrays.asList(HEADER.split(",", -1))));
        for (int i = 0; i < lines.length; i++) {
            rows.add(new SheetReader.Line(i + 2, Arrays.asList(lines[i].split(",", -1))));
        }
        return ImportPlanner.plan("test.csv", new SheetReader.Sheet(rows),
                new ImportPlanner.Lookups(units, positions, byCode, byPhone, byUsername));
    }

    static List<String> keys(ImportPlan plan) {
        return plan.allProblems().stream().map(p -> p.row() + ":" + p.key()).toList();
    }

    @Test
    void goodRowsBecomeNewPeopleWithDerivedUsernames() {
        ImportPlan plan = plan("SNV-0001,Nguyễn Văn An,,0912 345 678,,SNV-VP,CV,",
                "SNV-0002,Lò Thị Bình,binhlt,,,SNV-VP,TP,SNV-CCVC/CV");
        assertTrue(plan.canCommit(), keys(plan).toString());
        assertEquals(2, plan.count(ImportPlan.Action.NEW));
        ImportPlan.Row first = plan.rows().get(0);
        assertEquals("snv-0001", first.username());
        assertEquals("0912345678", first.phone());
        assertEquals(2, plan.rows().get(1).posts().size(), "main post and a concurrent one");
    }

    @Test
    void everyBrokenRowIsReportedWithItsNumber() {
        ImportPlan plan = plan("SNV-0001,Nguyễn Văn An,,12345,,SNV-VP,CV,",
                "SNV-0001,Lò Thị Bình,,,,SNV-VP,CV,",
                ",Không Mã,,,,SNV-VP,CV,",
                "SNV-0004,Sai Đơn Vị,,,,KHONG-CO,CV,",
                "SNV-0005,Sai Vị Trí,,,,SNV-VP,XX,",
                "SNV-0006,Ngoài Phạm Vi,,,,SKHCN-VP,CV,",
                "SNV-0007,Đơn Vị Cũ,,,,SNV-OLD,CV,",
                "SNV-0008,Kiêm Nhiệm Sai,,,,SNV-VP,CV,SNV-CCVC",
                "SNV-0009,Thư Sai,,,khong-phai-email,SNV-VP,CV,");
        assertFalse(plan.canCommit());
        assertEquals(List.of("2:person.error.phone", "3:import.error.duplicateCode", "4:import.error.required",
                "5:import.error.unknownUnit", "6:import.error.unknownPosition", "7:import.error.unitOutsideScope",
                "8:import.error.inactiveUnit", "9:import.error.concurrentFormat", "10:person.error.email"), keys(plan));
    }

    @Test
    void missingColumnsStopEverythingBeforeAnyRow() {
        List<SheetReader.Line> rows = List.of(new SheetReader.Line(1, List.of("Tên", "SĐT")),
                new SheetReader.Line(2, List.of("A", "0912345678")));
        ImportPlan plan = ImportPlanner.plan("x.csv", new SheetReader.Sheet(rows),
                new ImportPlanner.Lookups(units, positions, byCode, byPhone, byUsername));
        assertEquals(List.of("0:import.error.missingColumns"), keys(plan));
        assertTrue(plan.allProblems().get(0).args()[0].toString().contains("Mã cán bộ"));
    }

    @Test
    void englishAndUnaccentedHeadersAreUnderstood() {
        assertEquals(Column.STAFF_CODE, Column.forHeader("Staff code").orElseThrow());
        assertEquals(Column.FULL_NAME, Column.forHeader("HO VA TEN").orElseThrow());
        assertEquals(Column.POSITION_CODE, Column.forHeader("Mã vị trí việc làm (bắt buộc)").orElseThrow());
        assertEquals(Column.PHONE, Column.forHeader("SĐT").orElseThrow());
    }

    @Test
    void reimportingTheSameDataChangesNothingAndNewDataUpdates() {
        byCode.put("SNV-0001", new ImportPlanner.Existing(7, "SNV-0001", "snv-0001", "Nguyễn Văn An", "0912345678",
                null, Set.of("SNV-VP/CV"), true));
        byPhone.put("0912345678", byCode.get("SNV-0001"));
        assertEquals(ImportPlan.Action.UNCHANGED, plan("SNV-0001,Nguyễn Văn An,,0912345678,,SNV-VP,CV,").rows().get(0).action());
        ImportPlan.Row moved = plan("snv-0001,Nguyễn Văn An,,0912345678,,SNV-CCVC,CV,").rows().get(0);
        assertEquals(ImportPlan.Action.UPDATE, moved.action(), "staff codes match whatever their case");
        assertEquals(7L, moved.existingId());
    }

    @Test
    void conflictsWithOtherAccountsAreCaught() {
        ImportPlanner.Existing stranger = new ImportPlanner.Existing(8, null, "snv-0001", "Người Khác", "0988888888",
                null, Set.of(), true);
        byPhone.put("0988888888", stranger);
        byUsername.put("snv-0001", stranger);
        assertEquals(List.of("2:person.error.phoneTaken", "2:person.error.usernameTaken"),
                keys(plan("SNV-0001,Nguyễn Văn An,,0988888888,,SNV-VP,CV,")));
    }

    @Test
    void someoneElsesStaffCannotBeChanged() {
        byCode.put("SKHCN-1", new ImportPlanner.Existing(9, "SKHCN-1", "skhcn-1", "Cán Bộ Khác", null, null,
                Set.of(), false));
        assertEquals(List.of("2:import.error.notYours"), keys(plan("SKHCN-1,Cán Bộ Khác,,,,SNV-VP,CV,")));
    }

    @Test
    void blankRowsAreSkippedAndAnEmptySheetSaysSo() {
        assertEquals(1, plan("SNV-0001,Nguyễn Văn An,,,,SNV-VP,CV,", ",,,,,,,").rows().size());
        assertEquals(List.of("0:import.error.noRows"), keys(plan(",,,,,,,")));
    }

    @Test
    void derivedUsernamesStartWithALetter() {
        assertEquals("cb000123", ImportPlanner.derivedUsername("000123"));
        assertEquals("snv.ccvc-7", ImportPlanner.derivedUsername("SNV.CCVC-7"));
        assertEquals("dt-01", ImportPlanner.derivedUsername("ĐT-01"));
    }
}
