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
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import vn.hoctap.shared.Times;

import java.io.Serializable;
import java.time.LocalDateTime;

/** A role held over a node of the organisation tree and everything beneath it. */
@Entity
@jakarta.persistence.EntityListeners(AccountSnapshots.Changes.class)
@Table(name = "role_grant")
public class RoleGrant implements Serializable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @ManyToOne(optional = false)
    @JoinColumn(name = "scope_unit_id")
    private OrgUnit scope;

    @Column(name = "granted_by")
    private Long grantedBy;

    @Column(name = "granted_at", nullable = false)
    private LocalDateTime grantedAt;

    protected RoleGrant() {
    }

    RoleGrant(Person person, Role role, OrgUnit scope, Long grantedBy) {
        if (!role.scopeKinds().contains(scope.getKind())) {
            throw new IllegalArgumentException(role + " cannot be held over a " + scope.getKind());
        }
        this.person = person;
        this.role = role;
        this.scope = scope;
        this.grantedBy = grantedBy;
    }

    @PrePersist
    void onCreate() {
        grantedAt = Times.nowUtc();
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Role getRole() {
        return role;
    }

    public OrgUnit getScope() {
        return scope;
    }

    public LocalDateTime getGrantedAt() {
        return grantedAt;
    }
}
