package vn.hoctap.library;

public enum Level {
    BASIC, INTERMEDIATE, ADVANCED;

    public String messageKey() {
        return "library.level." + name();
    }
}
