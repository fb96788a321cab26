package vn.hoctap.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDateTime;

/** One administrative change: who, what, when, and the state before and after (JSON). Append-only. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private LocalDateTime at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    @Column(name = "target_type", nullable = false)
    private String targetType;

    @Column(name = "target_id")
    private String targetId;

    @Column(name = "target_label")
    private String targetLabel;

    @Column(name = "scope_path")
    private String scopePath;

    @Column(name = "before_json")
    private String beforeJson;

    @Column(name = "after_json")
    private String afterJson;

    protected AuditEntry() {
    }

    AuditEntry(LocalDateTime at, AuditEvent event, String beforeJson, String afterJson) {
        this.at = at;
        this.actorId = event.actorId();
        this.actorName = event.actorName();
        this.action = event.action();
        this.targetType = event.targetType();
        this.targetId = event.targetId();
        this.targetLabel = truncate(event.targetLabel(), 255);
        this.scopePath = event.scopePath();
        this.beforeJson = beforeJson;
        this.afterJson = afterJson;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() {
        return id;
    }

    public LocalDateTime getAt() {
        return at;
    }

    public Long getActorId() {
        return actorId;
    }

    public String getActorName() {
        return actorName;
    }

    public String getAction() {
        return action;
    }

    public String getTargetType() {
        return targetType;
    }

    public String getTargetId() {
        return targetId;
    }

    public String getTargetLabel() {
        return targetLabel;
    }

    public String getScopePath() {
        return scopePath;
    }

    public String getBeforeJson() {
        return beforeJson;
    }

    public String getAfterJson() {
        return afterJson;
    }
}
