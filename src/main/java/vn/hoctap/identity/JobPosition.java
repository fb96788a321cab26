package vn.hoctap.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A job position (vị trí việc làm) from the province's catalogue; mandatory training targets them. */
@Entity
@Table(name = "job_position")
@NamedQuery(name = "JobPosition.all", query = "SELECT p FROM JobPosition p ORDER BY p.name")
@NamedQuery(name = "JobPosition.findByCode", query = "SELECT p FROM JobPosition p WHERE p.code = :code")
public class JobPosition implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    private String description;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected JobPosition() {
    }

    public JobPosition(String code, String name) {
        this.code = code;
        this.name = Text.clean(name);
    }

    @PrePersist
    void onCreate() {
        createdAt = Times.nowUtc();
        updatedAt = createdAt;
    }

    @PreUpdate
    void onUpdate() {
        updatedAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = Text.clean(name);
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = Text.clean(description);
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
