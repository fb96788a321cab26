package vn.hoctap.identity.staffimport;

import vn.hoctap.shared.Text;

import java.util.List;
import java.util.Optional;

/** The columns of the staff spreadsheet, recognised by their Vietnamese or English headers. */
public enum Column {
    STAFF_CODE(true, "ma can bo", "ma cb", "ma nhan vien", "ma cong chuc", "staff code", "staffcode", "code"),
    FULL_NAME(true, "ho va ten", "ho ten", "full name", "fullname", "name"),
    USERNAME(false, "ten dang nhap", "username", "login"),
    PHONE(false, "so dien thoai", "dien thoai", "sdt", "phone", "mobile"),
    EMAIL(false, "thu dien tu", "email", "e-mail"),
    UNIT_CODE(true, "ma don vi", "don vi", "unit code", "unit"),
    POSITION_CODE(true, "ma vi tri viec lam", "ma vi tri", "vi tri viec lam", "position code", "position"),
    CONCURRENT(false, "kiem nhiem", "concurrent posts", "concurrent");

    private final boolean required;
    private final List<String> headers;

    Column(boolean required, String... headers) {
        this.required = required;
        this.headers = List.of(headers);
    }

    public boolean required() {
        return required;
    }

    public String messageKey() {
        return "import.column." + name();
    }

    /** The column a header cell names: diacritics, case, spaces and underscores do not matter. */
    public static Optional<Column> forHeader(String header) {
        String folded = Text.fold(header).replace('_', ' ').replaceAll("\\s*\\(.*\\)$", "").replaceAll("\\s+", " ").trim();
        for (Column c : values()) {
            if (c.headers.contains(folded)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The header written in the template. */
    public String templateHeader() {
        return switch (this) {
            case STAFF_CODE -> "Mã cán bộ";
            case FULL_NAME -> "Họ và tên";
            case USERNAME -> "Tên đăng nhập";
            case PHONE -> "Số điện thoại";
            case EMAIL -> "Thư điện tử";
            case UNIT_CODE -> "Mã đơn vị";
            case POSITION_CODE -> "Mã vị trí việc làm";
            case CONCURRENT -> "Kiêm nhiệm";
        };
    }
}
