package vn.hoctap.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import vn.hoctap.shared.Text;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/**
 * A node of the province's organisation tree: the province, an agency and its units, a commune or
 * ward, a community learning centre.
 *
 * <p>Invariants: {@code path} lists the ids from the root down to this node, as {@code /1/4/9/},
 * so "everything under X" is {@code path LIKE X.path%}; a child's kind is one its parent allows
 * ({@link OrgUnitKind#allowedChildren()}); the code is unique and never reused.
 */
@Entity
@Table(name = "org_unit")
@NamedQuery(name = "OrgUnit.findByCode", query = "SELECT u FROM OrgUnit u WHERE u.code = :code")
@NamedQuery(name = "OrgUnit.all", query = "SELECT u FROM OrgUnit u ORDER BY u.depth, u.kind, u.name")
@NamedQuery(name = "OrgUnit.root", query = "SELECT u FROM OrgUnit u WHERE u.parent IS NULL ORDER BY u.id")
@NamedQuery(name = "OrgUnit.subtree", query = "SELECT u FROM OrgUnit u WHERE u.path LIKE :prefix ORDER BY u.path")
public class OrgUnit implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    private OrgUnit parent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrgUnitKind kind;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(name = "search_key", nullable = false)
    private String searchKey;

    @Column(nullable = false)
    private String path;

    @Column(nullable = false)
    private int depth;

    private Integer population;

    @Column(name = "learning_city", nullable = false)
    private boolean learningCity;

    @Column(nullable = false)
    private boolean active = true;

    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private LocalDateTime updatedAt;

    protected OrgUnit() {
    }

    public OrgUnit(OrgUnit parent, OrgUnitKind kind, String code, String name) {
        if (parent != null && !parent.kind.allowedChildren().contains(kind)) {
            throw new IllegalArgumentException(kind + " cannot sit under " + parent.kind);
        }
        this.parent = parent;
        this.kind = kind;
        this.code = code;
        rename(name);
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.path = "pending";
    }

    /** Called once the id is known (after the first flush). */
    void assignPath() {
        path = (parent == null ? "/" : parent.path) + id + "/";
    }

    /**
     * Moves this node under another one. The caller updates the paths of the whole subtree
     * ({@link OrganisationService#move}).
     */
    void moveUnder(OrgUnit newParent) {
        if (newParent.path.startsWith(path)) {
            throw new IllegalArgumentException("a node cannot move under itself");
        }
        if (!newParent.kind.allowedChildren().contains(kind)) {
            throw new IllegalArgumentException(kind + " cannot sit under " + newParent.kind);
        }
        parent = newParent;
    }

    void rebase(String oldPrefix, String newPrefix, int depthDelta) {
        path = newPrefix + path.substring(oldPrefix.length());
        depth += depthDelta;
    }

    public void rename(String name) {
        this.name = Text.clean(name);
        this.searchKey = Text.fold(name);
    }

    public boolean contains(OrgUnit other) {
        return other.path.startsWith(path);
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

    public OrgUnit getParent() {
        return parent;
    }

    public OrgUnitKind getKind() {
        return kind;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getPath() {
        return path;
    }

    public int getDepth() {
        return depth;
    }

    public Integer getPopulation() {
        return population;
    }

    public void setPopulation(Integer population) {
        this.population = population;
    }

    public boolean isLearningCity() {
        return learningCity;
    }

    public void setLearningCity(boolean learningCity) {
        this.learningCity = learningCity;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public long getVersion() {
        return version;
    }
}
