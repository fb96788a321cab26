package vn.hoctap.records;

import java.nio.ByteBuffer;
import java.util.UUID;

/** UUIDs as the store keeps them: 16 bytes. */
final class Uuids {

    private Uuids() {
    }

    static byte[] bytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    static UUID of(byte[] bytes) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return new UUID(b.getLong(), b.getLong());
    }
}
