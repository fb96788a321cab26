package vn.hoctap.platform.audit;

import java.util.Map;

/**
 * What a feature tells the audit log. {@code action} is a stable code ({@code person.update}),
 * shown through the bundle key {@code audit.action.<code>}; {@code scopePath} is the tree path the
 * change belongs to, so that a scoped officer could be shown the changes in their part of the tree.
 */
public record AuditEvent(Long actorId, String actorName, String action, String targetType, String targetId,
                         String targetLabel, String scopePath, Map<String, ?> before, Map<String, ?> after) {
}
